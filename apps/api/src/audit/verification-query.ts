import { type FieldProblem, ValidationError } from '@lagesbild/domain';
import { type LogAnchor, parseAnchor } from '@lagesbild/event-store';

export interface VerificationQuery {
  anchors: LogAnchor[];
  checkpoints: boolean;
}

const MAX_ANCHORS = 100;

/** `anchor=POSITION:HASH` (repeatable) and `checkpoints=true|false`, or a 400 naming each bad one. */
export function parseVerificationQuery(query: Record<string, unknown>): VerificationQuery {
  const problems: FieldProblem[] = [];
  const given = query.anchor === undefined ? [] : Array.isArray(query.anchor) ? query.anchor : [query.anchor];
  const anchors: LogAnchor[] = [];
  for (const value of given) {
    const anchor = typeof value === 'string' ? parseAnchor(value) : undefined;
    if (anchor) anchors.push(anchor);
    else problems.push({ path: 'anchor', message: 'must be POSITION:HASH, a log position and its chain hash (64 hex digits)' });
  }
  if (given.length > MAX_ANCHORS) problems.push({ path: 'anchor', message: `at most ${MAX_ANCHORS} anchors` });
  const checkpoints = query.checkpoints ?? 'false';
  if (checkpoints !== 'true' && checkpoints !== 'false') problems.push({ path: 'checkpoints', message: 'must be true or false' });
  if (problems.length > 0) throw new ValidationError('Bad verification query', problems);
  return { anchors, checkpoints: checkpoints === 'true' };
}
