import { createRandom, shuffleArray } from '@examtech/core';
import type { CandidateRow } from '../questions/question-bank-service.js';

/**
 * Picks `count` questions from candidates, keeping passage groups whole (a group is taken with
 * all its members or not at all) and never picking an excluded id. Deterministic for a seed, so
 * a preview and a publish agree, and varied across exams.
 */
export function pickQuestions(
  candidates: readonly CandidateRow[],
  count: number,
  options: { seed: string; excludeIds: ReadonlySet<string>; preferIds?: ReadonlySet<string> },
): string[] {
  const available = candidates.filter((c) => !options.excludeIds.has(c.id));
  const units = groupIntoUnits(available);
  const random = createRandom(options.seed);
  const shuffled = shuffleArray(units, random);
  // Preferred units (e.g. questions the student has not seen) come first, shuffle order kept within each part.
  const isPreferred = (unit: string[]) =>
    options.preferIds ? unit.every((id) => options.preferIds?.has(id)) : true;
  const ordered = [...shuffled.filter(isPreferred), ...shuffled.filter((u) => !isPreferred(u))];
  const picked: string[] = [];
  for (const unit of ordered) {
    if (picked.length + unit.length <= count) picked.push(...unit);
    if (picked.length === count) break;
  }
  return picked;
}

/** Questions without a group are units of one; a group's members form one unit in creation order. */
function groupIntoUnits(candidates: readonly CandidateRow[]): string[][] {
  const groups = new Map<string, string[]>();
  const units: string[][] = [];
  for (const candidate of candidates) {
    if (!candidate.groupId) {
      units.push([candidate.id]);
      continue;
    }
    let members = groups.get(candidate.groupId);
    if (!members) {
      members = [];
      groups.set(candidate.groupId, members);
      units.push(members);
    }
    members.push(candidate.id);
  }
  return units;
}

/** How many questions could be picked at most (groups larger than what is left do not fit). */
export function countAvailable(candidates: readonly CandidateRow[], excludeIds: ReadonlySet<string>): number {
  return candidates.filter((c) => !excludeIds.has(c.id)).length;
}
