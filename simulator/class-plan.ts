import type { ClassSpec } from './classes.js';
import { equipmentOf } from './disciplines.js';
import { MOVEMENTS, MUSCLE_DISPLAY, type Movement } from './names.js';
import { omit } from './objects.js';
import { hexId, intBetween, round, streamOf } from './random.js';

/** One block of a class plan, as segment_list shows it (offsets in seconds from the start of pedaling). */
export interface PlanSegment {
  id: string;
  length: number;
  start_time_offset: number;
  icon_url: string;
  intensity_in_mets: number;
  metrics_type: string;
  icon_name: string;
  icon_slug: string;
  name: string;
  is_drill: boolean;
  /** Distribution keys (not sent as such). */
  category: string;
  focus: string;
}

/** A stretch of class-video time with target ranges: cycling resistance/cadence, tread speed/incline. */
export interface TargetStretch {
  start: number;
  end: number;
  ranges: Array<{ name: string; lower: number; upper: number }>;
}

/** A strength movement block of a segment (subsegments_v2). */
export interface MovementBlock {
  id: string;
  movement: Movement;
  /** Seconds from the start of pedaling. */
  offset: number;
  length: number;
  rounds: number;
}

export interface ClassPlan {
  segments: PlanSegment[];
  /** Class-video seconds before pedaling starts (targets and cues use video time). */
  preRoll: number;
  targets: TargetStretch[];
  movements: MovementBlock[];
}

const MAX_CACHED = 4_000;
const plans = new Map<string, ClassPlan>();

/** The plan of a class, derived from its ride id alone (kept for the most recently used classes). */
export function classPlan(spec: ClassSpec): ClassPlan {
  let plan = plans.get(spec.id);
  if (plan === undefined) {
    plan = buildPlan(spec);
    if (plans.size >= MAX_CACHED) plans.delete(plans.keys().next().value as string);
    plans.set(spec.id, plan);
  }
  return plan;
}

type Block = [
  name: string,
  icon: string,
  category: string,
  focus: string,
  mets: number,
  share: number,
  metricsType?: string,
  drill?: boolean,
];

function blocksOf(spec: ClassSpec, random: () => number): Block[] {
  const equipment = equipmentOf(spec.discipline);
  if (spec.kind === 'scenic') return [[nameOfEquipment(equipment), equipment, equipment, 'cardio', 6, 1]];
  const warm = 0.1 + random() * 0.08;
  const cool = 0.04 + random() * 0.05;
  switch (spec.discipline) {
    case 'cycling':
      return [
        ['Warmup', 'warmup', 'Cycling Warmup', 'cardio', 3.5, warm],
        ['Cycling', 'cycling', 'cycling', 'cardio', 6, 1 - warm - cool],
        ['Cool Down', 'cooldown', 'Cycling Cool Down', 'cardio', 3.5, cool],
      ];
    case 'bike_bootcamp': {
      const part = (1 - warm - cool) / 4;
      return [
        ['Warmup', 'warmup', 'Cycling Warmup', 'cardio', 3.5, warm, 'cycling'],
        ['Cycling', 'cycling', 'cycling', 'cardio', 6, part, 'cycling'],
        ['Upper Body', 'upper_body', 'Upper Body', 'arms', 5, part, 'floor'],
        ['Cycling', 'cycling', 'cycling', 'cardio', 6, part, 'cycling'],
        ['Lower Body', 'lower_body', 'Lower Body', 'legs', 5, part, 'floor'],
        ['Cool Down', 'cooldown', 'Cycling Cool Down', 'cardio', 3.5, cool, 'cycling'],
      ];
    }
    case 'running':
    case 'walking': {
      const label = spec.discipline === 'running' ? 'Running' : 'Walking';
      const mets = spec.discipline === 'running' ? 10 : 4.5;
      return [
        ['Warm Up', 'warmup', `${label} Warmup`, 'cardio', mets - 2, warm],
        [label, 'running', spec.discipline, 'cardio', mets, 1 - warm - cool],
        ['Cool Down', 'cooldown', `${label} Cool Down`, 'cardio', mets - 2, cool],
      ];
    }
    case 'caesar':
      return [
        ['Warm Up', 'warmup', 'Rowing Warmup', 'cardio', 1, warm],
        ['Drills', 'caesar', 'Rowing Drills', 'cardio', 0, 0.12, 'caesar', true],
        ['Rowing', 'caesar', 'rowing', 'cardio', 7, 0.88 - warm - cool],
        ['Cool Down', 'cooldown', 'Rowing Cool Down', 'cardio', 1, cool],
      ];
    case 'strength': {
      const main: Block =
        random() < 0.5
          ? ['Upper Body', 'upper_body', 'Upper Body', 'arms', 5, 1 - warm]
          : ['Full Body', 'full_body', 'Full Body', 'full_body', 5, 1 - warm];
      return [['Warmup', 'warmup', 'Strength Warmup', 'full_body', 5, warm], main];
    }
    case 'meditation':
      return [['Meditation', 'meditation', 'meditation', 'mind', 0, 1]];
    case 'yoga':
      return [['Yoga', 'yoga', 'yoga', 'flexibility', 3, 1]];
    default:
      return [['Stretching', 'stretching', 'stretching', 'flexibility', 2.5, 1]];
  }
}

const nameOfEquipment = (equipment: string): string =>
  ({ cycling: 'Cycling', running: 'Running', caesar: 'Rowing' })[equipment] ?? 'Workout';

function buildPlan(spec: ClassSpec): ClassPlan {
  const random = streamOf('plan', spec.id);
  const preRoll = spec.kind === 'scenic' ? 5 : 60;
  const blocks = blocksOf(spec, random);
  const segments: PlanSegment[] = [];
  let offset = 0;
  blocks.forEach(([name, icon, category, focus, mets, share, metricsType, drill], i) => {
    const length = i === blocks.length - 1 ? spec.duration - offset : Math.max(1, Math.round(spec.duration * share));
    segments.push({
      id: hexId('segment', spec.id, i),
      length,
      start_time_offset: offset,
      icon_url: `https://example.invalid/segment-icons/${icon}.png`,
      intensity_in_mets: mets,
      metrics_type: metricsType ?? equipmentOf(spec.discipline),
      icon_name: icon,
      icon_slug: icon,
      name,
      is_drill: drill === true,
      category,
      focus,
    });
    offset += length;
  });
  return { segments, preRoll, targets: targetsOf(spec, segments, preRoll, random), movements: movementsOf(spec, segments, random) };
}

function targetsOf(spec: ClassSpec, segments: PlanSegment[], preRoll: number, random: () => number): TargetStretch[] {
  if (spec.kind !== 'class') return [];
  const stretches: TargetStretch[] = [];
  for (const segment of segments) {
    if (segment.metrics_type !== 'cycling' && segment.metrics_type !== 'running') continue;
    let at = segment.start_time_offset;
    const end = segment.start_time_offset + segment.length;
    while (at < end) {
      const length = Math.min(end - at, intBetween(random, 20, 75));
      const easy = segment.icon_name === 'warmup' || segment.icon_name === 'cooldown';
      const ranges =
        segment.metrics_type === 'cycling' ? cyclingRanges(easy, spec.ftpTest, random) : treadRanges(spec.discipline, easy, random);
      stretches.push({ start: preRoll + at, end: preRoll + at + length - 1, ranges });
      at += length;
    }
  }
  return stretches;
}

function cyclingRanges(easy: boolean, ftpTest: boolean, random: () => number): TargetStretch['ranges'] {
  const resistance = easy ? intBetween(random, 22, 32) : ftpTest ? intBetween(random, 40, 48) : intBetween(random, 30, 62);
  const cadence = easy ? 80 : resistance > 50 ? intBetween(random, 6, 8) * 10 : intBetween(random, 8, 11) * 10;
  return [
    { name: 'resistance', lower: resistance, upper: resistance + intBetween(random, 8, 15) },
    { name: 'cadence', lower: cadence, upper: cadence + (cadence >= 110 ? 10 : 20) },
  ];
}

function treadRanges(discipline: string, easy: boolean, random: () => number): TargetStretch['ranges'] {
  const running = discipline === 'running';
  const speed = easy ? (running ? 3 + random() * 1.5 : 2 + random() * 0.5) : running ? 4.5 + random() * 3 : 2.8 + random() * 1.2;
  const incline = easy ? 0 : oneOf(random, [0, 1.5, 3]);
  return [
    { name: 'speed', lower: round(speed, 1), upper: round(speed + (running ? 1.5 + random() * 1.5 : 0.5 + random()), 1) },
    { name: 'incline', lower: incline, upper: incline + 1 },
  ];
}

const oneOf = (random: () => number, values: number[]): number => values[Math.floor(random() * values.length)] as number;

function movementsOf(spec: ClassSpec, segments: PlanSegment[], random: () => number): MovementBlock[] {
  if (spec.discipline !== 'strength' && spec.discipline !== 'bike_bootcamp') return [];
  const blocks: MovementBlock[] = [];
  for (const segment of segments) {
    if (segment.metrics_type !== 'floor' || segment.icon_name === 'warmup') continue;
    let at = segment.start_time_offset;
    const end = segment.start_time_offset + segment.length;
    while (end - at >= 30) {
      const length = Math.min(end - at, intBetween(random, 40, 100));
      const candidates = movementsFor(segment.focus);
      const movement = candidates[Math.floor(random() * candidates.length)] ?? MOVEMENTS[0];
      if (movement !== undefined)
        blocks.push({ id: hexId('subsegment', spec.id, blocks.length), movement, offset: at, length, rounds: intBetween(random, 1, 3) });
      at += length;
    }
  }
  return blocks;
}

const LOWER_BODY = new Set(['quads', 'glutes', 'hamstrings', 'calves']);

/** The movements that suit a segment's focus (arms: upper body, legs: lower body, else any). */
function movementsFor(focus: string): readonly Movement[] {
  const lower = (movement: Movement): boolean => LOWER_BODY.has(movement.muscles[0] ?? '');
  if (focus === 'arms') return MOVEMENTS.filter((m) => !lower(m));
  if (focus === 'legs') return MOVEMENTS.filter(lower);
  return MOVEMENTS;
}

/** subsegments_v2 of a segment, as the class details show them. */
export function subsegmentsOf(plan: ClassPlan, segment: PlanSegment): Array<Record<string, unknown>> {
  return plan.movements
    .filter((block) => block.offset >= segment.start_time_offset && block.offset < segment.start_time_offset + segment.length)
    .map((block) => {
      return {
        id: block.id,
        type: 'movement',
        display_name: block.movement.name,
        scheduled_offset: plan.preRoll + block.offset,
        offset: block.offset - segment.start_time_offset,
        length: block.length,
        rounds: block.rounds,
        trackable_movements_disabled: false,
        movements: [movementObject(block.movement)],
      };
    });
}

export function movementObject(movement: Movement): Record<string, unknown> {
  return {
    id: movementId(movement),
    name: movement.name,
    slug: movement.name.toLowerCase().replace(/ /g, '_'),
    skill_level: 'beginner',
    weight_category: movement.weight,
    muscle_groups: movement.muscles.map((muscle, rank) => ({
      muscle_group: muscle,
      display_name: MUSCLE_DISPLAY[muscle] ?? muscle,
      ranking: rank + 1,
    })),
  };
}

export const movementId = (movement: Movement): string => hexId('movement', movement.name);

/** A segment as the API sends it (without the simulator's distribution keys). */
export const publicSegment = (segment: PlanSegment): Omit<PlanSegment, 'category' | 'focus'> => omit(segment, 'category', 'focus');

/** A stretch's range for a metric (0 to 0 if the stretch sets none). */
export const rangeOf = (stretch: TargetStretch, name: string): { lower: number; upper: number } => {
  const range = stretch.ranges.find((r) => r.name === name);
  return { lower: range?.lower ?? 0, upper: range?.upper ?? 0 };
};

/** The value of each target at a class-video second (undefined outside every stretch). */
export function targetAt(plan: ClassPlan, videoSecond: number, cursor: { at: number }): TargetStretch | undefined {
  const targets = plan.targets;
  let stretch = targets[cursor.at];
  while (stretch !== undefined && stretch.end < videoSecond && cursor.at < targets.length - 1) stretch = targets[++cursor.at];
  return stretch !== undefined && stretch.start <= videoSecond && videoSecond <= stretch.end ? stretch : undefined;
}

/** Watts a rider makes at a resistance and cadence (fitted to the bike's usual figures: 40 % at 85 rpm ≈ 130 W). */
export const wattsAt = (resistance: number, cadence: number): number => 0.00741 * cadence * resistance ** 1.444;
