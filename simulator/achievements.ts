import { hexId } from './random.js';

/** An achievement a workout can earn (the simulator's own, fictional set). */
export interface AchievementTemplate {
  id: string;
  name: string;
  slug: string;
  image_url: string;
  description: string;
}

const template = (slug: string, name: string, description: string): AchievementTemplate => ({
  id: hexId('achievement', slug),
  name,
  slug,
  image_url: `https://example.invalid/achievements/${slug}.png`,
  description,
});

export const BEST_OUTPUT = template('best_output', 'Best Output', 'Personal best output in a workout.');
export const WORKOUT_BUDDY = template('workout_buddy', 'Workout Buddy', 'Awarded for working out with a friend.');
/** Daily streak lengths that earn an achievement, and workout-count milestones. */
export const STREAK_DAYS = [3, 5, 7, 10, 14, 21, 30];
export const MILESTONES = [10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

export const streakAchievement = (days: number): AchievementTemplate =>
  template(`${days}_day_streak`, `${days}-Day Streak`, `Awarded for working out ${days} days in a row.`);

export const milestoneAchievement = (count: number): AchievementTemplate =>
  template(`${count}_workouts`, `${count} Workouts`, `Awarded for completing ${count} workouts.`);

export const NEW_YEARS_DAY = template('new_years_day', "New Year's Day", 'Awarded for working out on the first day of the year.');

/** A group of achievements on GET /api/user/{id}/achievements. */
export interface AchievementCategory {
  name: string;
  slug: string;
}

/** The simulator's categories, in the order the route lists them (real slugs seen: workout_milestones, special_events). */
export const ACHIEVEMENT_CATEGORIES: readonly AchievementCategory[] = [
  { name: 'Workout Milestones', slug: 'workout_milestones' },
  { name: 'Streaks', slug: 'streaks' },
  { name: 'Personal Bests', slug: 'personal_bests' },
  { name: 'Friends', slug: 'friends' },
  { name: 'Special Events', slug: 'special_events' },
];

/** The one category a template belongs to. */
export function categoryOf(achievement: AchievementTemplate): AchievementCategory {
  const slug = achievement.slug;
  const category =
    slug === BEST_OUTPUT.slug
      ? 'personal_bests'
      : slug === WORKOUT_BUDDY.slug
        ? 'friends'
        : slug === NEW_YEARS_DAY.slug
          ? 'special_events'
          : slug.endsWith('_day_streak')
            ? 'streaks'
            : 'workout_milestones';
  return ACHIEVEMENT_CATEGORIES.find((c) => c.slug === category) as AchievementCategory;
}

/** A template as the overview and the achievements route write it (the two image fields are null in every real row). */
export const fullTemplate = (achievement: AchievementTemplate): Record<string, unknown> => ({
  ...achievement,
  animated_image_url: null,
  kinetic_token_background: null,
});

/**
 * GET /api/user/{id}/achievements: every earned template once, with how many times it was earned, grouped by
 * category (categories in a fixed order, empty ones left out; templates in the order first earned).
 * Templates never earned are not listed. A member with none gets `{categories: []}`.
 */
export function achievementsBody(totals: Iterable<{ template: AchievementTemplate; count: number }>): Record<string, unknown> {
  const earned = [...totals];
  return {
    categories: ACHIEVEMENT_CATEGORIES.map((category) => ({
      ...category,
      achievements: earned
        .filter(({ template: t }) => categoryOf(t).slug === category.slug)
        .map(({ template: t, count }) => ({ count, template: fullTemplate(t) })),
    })).filter((category) => category.achievements.length > 0),
  };
}
