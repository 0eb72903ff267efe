import type { ClassSpec } from './classes.js';
import { classPlan } from './class-plan.js';
import { artistName, ARTIST_COUNT, songTitle } from './names.js';
import { hexId, intBetween, streamOf } from './random.js';

/** The year class playlists started rating songs (explicit_rating). */
const EXPLICIT_RATINGS_FROM = 2023;

/**
 * The songs of a class's playlist (class details `playlist.songs[]`), in playing order: a new song every 2½–4½
 * minutes of class-video time from the end of the pre-roll, the last ones possibly after the class ends (the
 * cool-down music). Scenic rides play no playlist. Classes aired from 2023 rate each song's lyrics.
 */
export function classSongs(spec: ClassSpec): Array<Record<string, unknown>> {
  if (spec.kind === 'scenic') return [];
  const random = streamOf('class-songs', spec.id);
  const preRoll = classPlan(spec).preRoll;
  const songs: Array<Record<string, unknown>> = [];
  for (let at = preRoll; at < preRoll + spec.duration; at += intBetween(random, 150, 260)) {
    const n = songs.length;
    const artists = [intBetween(random, 0, ARTIST_COUNT - 1), ...(random() < 0.25 ? [intBetween(random, 0, ARTIST_COUNT - 1)] : [])];
    const albumName = `${songTitle(intBetween(random, 0, 9), intBetween(random, 0, 9))} Sessions`;
    const song: Record<string, unknown> = {
      id: hexId('song', spec.id, n),
      title: songTitle(intBetween(random, 0, 9), intBetween(random, 0, 9)),
      artists: [...new Set(artists)].map((a) => ({ artist_id: hexId('artist', a), artist_name: artistName(a) })),
      album: {
        id: hexId('album', albumName),
        image_url: `https://example.invalid/albums/${hexId('album', albumName)}.jpg`,
        name: albumName,
      },
      cue_time_offset: at,
      start_time_offset: at,
      liked: random() < 0.08,
    };
    if (spec.airYear >= EXPLICIT_RATINGS_FROM) song['explicit_rating'] = random() < 0.2 ? 1 : 0;
    songs.push(song);
  }
  return songs;
}
