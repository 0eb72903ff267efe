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
