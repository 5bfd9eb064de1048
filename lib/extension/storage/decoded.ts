/** A value read from untrusted storage plus the reasons any part of it was replaced by a default. */
export interface Decoded<T> {
  value: T;
  problems: string[];
}
