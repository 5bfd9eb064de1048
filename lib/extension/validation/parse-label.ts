// Labels are the user's own names for addresses; short plain text (rendered as text, never HTML).
import { InvalidSettingsError } from '../../errors/errors.js';

export const MAX_LABEL_LENGTH = 32;

export function parseLabel(input: string): string {
  const label = input.trim().replace(/\s+/g, ' ');
  if ([...label].length > MAX_LABEL_LENGTH) throw new InvalidSettingsError(`Label too long: at most ${MAX_LABEL_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(label)) throw new InvalidSettingsError('Label contains control characters');
  return label;
}
