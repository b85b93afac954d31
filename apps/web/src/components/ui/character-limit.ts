/** Share of the limit from which a field shows its count: a short title never sees one. */
const NEAR_SHARE = 0.8;

export interface CharacterLimitState {
  /** Whether the count shows. */
  near: boolean;
  /** Whether the field is full (the control's maxLength stops further typing). */
  full: boolean;
  /** "183 / 200", as shown. */
  count: string;
  /** What a screen reader hears: "17 characters left", "No characters left". */
  spoken: string;
}

const formatNumber = (n: number) => n.toLocaleString('en-US');

export function characterLimitState(length: number, max: number): CharacterLimitState {
  const left = Math.max(0, max - length);
  return {
    near: length >= Math.ceil(max * NEAR_SHARE),
    full: length >= max,
    count: `${formatNumber(length)} / ${formatNumber(max)}`,
    spoken:
      left === 0
        ? `No characters left of ${formatNumber(max)}`
        : `${formatNumber(left)} ${left === 1 ? 'character' : 'characters'} left of ${formatNumber(max)}`,
  };
}

/** The inline note of a full field. */
export function limitReachedMessage(max: number): string {
  return `That's the limit: ${formatNumber(max)} characters`;
}
