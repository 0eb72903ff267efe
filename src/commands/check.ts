import { toFailure } from '../errors.js';
import { fetchMe, openSession } from '../peloton/session.js';
import { loadConfig } from './inputs.js';
import type { CommandContext } from './runtime.js';
import { countOf } from './wording.js';

/** Logs in and asks for the profile. A problem the user can fix is a FAILED status (exit 0), per the protocol. */
export async function checkCommand(ctx: CommandContext, configPath: string): Promise<number> {
  try {
    const config = await loadConfig(ctx, configPath, (warning) => ctx.output.log('WARN', warning));
    const session = openSession(config, ctx);
    const me = await fetchMe(session);
    const who = me.username === undefined ? `user ${me.id}` : `${me.username} (user ${me.id})`;
    const workouts = me.totalWorkouts === undefined ? '' : `, ${countOf(me.totalWorkouts, 'workout')}`;
    await ctx.output.log('INFO', `Connected to Peloton with ${session.auth.description} as ${who}${workouts}.`);
    await ctx.output.write({ type: 'CONNECTION_STATUS', connectionStatus: { status: 'SUCCEEDED' } });
  } catch (error) {
    const failure = toFailure(error, 'The check');
    await ctx.output.write({
      type: 'CONNECTION_STATUS',
      connectionStatus: { status: 'FAILED', message: ctx.redactor.redact(failure.message) },
    });
  }
  return 0;
}
