import { PelotonSimulator, type SimulatorOptions } from '../../simulator/server.js';

export { PelotonSimulator };

/** A config for the simulator: bearer auth, no pacing, a start date before all of its history. */
export function simConfig(sim: PelotonSimulator, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    credentials: { auth_type: 'bearer', access_token: sim.issueAccessToken() },
    start_date: '2000-01-01T00:00:00Z',
    api_base_url: sim.url,
    auth_base_url: sim.url,
    requests_per_second: 0,
    max_concurrency: 4,
    ...overrides,
  };
}

export async function startSim(options: SimulatorOptions = {}): Promise<PelotonSimulator> {
  return PelotonSimulator.start({ workouts: 120, ...options });
}

export const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
