/**
 * When Peloton's bodies gained the fields the simulator varies by age (unix seconds, UTC). A workout's
 * created_at picks the shape of its graph and detail, as the real captures of each period show.
 */
export const ERA = {
  /** effort_zones appears in performance graphs. */
  effortZonesKey: Date.UTC(2020, 0, 1) / 1000,
  /** Strive-era values: effort zones filled in, total_heart_rate_zone_durations and average_effort_score in details, target_metrics_performance_data and `{}` splits in graphs. */
  strive: Date.UTC(2020, 10, 1) / 1000,
  /** v2 watch times replace total_video_watch_time_seconds; achievement templates carry achievement_count. */
  v2: Date.UTC(2021, 0, 1) / 1000,
  /** Graph segments carry is_drill (every captured graph of 2021 lacks it; those from 2022 on have it). */
  drills: Date.UTC(2022, 0, 1) / 1000,
  /** muscle_group_score, splits_metrics and the rower's caesar_metrics in graphs. */
  muscleGroups: Date.UTC(2022, 5, 1) / 1000,
  /** Class targets for cycling, mile splits for rides, summary flags, pause limits, strength movement tracking. */
  targets: Date.UTC(2023, 0, 1) / 1000,
  /** Distance leaderboards, metadata and is_3p_digital_workout in details. */
  distanceLeaderboard: Date.UTC(2025, 0, 1) / 1000,
  /** Strength sets named tracking_type / completed_reps / completed_duration (before: is_hold / target_number / completed_number / total_volume). */
  trackingTypes: Date.UTC(2025, 0, 1) / 1000,
} as const;
