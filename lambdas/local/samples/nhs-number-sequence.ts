import { nhsNumberCheckDigit } from '../../core/values/nhs-number';

/** How many six-digit bodies follow the `999` test prefix. */
export const TEST_RANGE_SIZE = 1_000_000;

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * Valid, distinct NHS numbers from the `999` test range (SPEC §6), drawn from one block of the range.
 * Steps through the block with a stride coprime to its size, so numbers look scattered yet never repeat;
 * bodies whose Modulus 11 check digit would be 10 are skipped, as no real number uses them.
 */
export class NhsNumberSequence {
  private readonly stride: number;
  private step = 0;

  /**
   * @param blockStart first six-digit body of the block (0 to 999 999)
   * @param blockSize how many bodies the block holds; about 1 in 11 is unusable
   * @param offset where in the block to begin (any integer; reduced modulo the size)
   */
  constructor(
    private readonly blockStart: number,
    private readonly blockSize: number,
    private readonly offset: number,
  ) {
    if (blockStart < 0 || blockSize < 1 || blockStart + blockSize > TEST_RANGE_SIZE) {
      throw new RangeError(
        `NhsNumberSequence: block ${blockStart}+${blockSize} lies outside the 999 test range (0 to ${TEST_RANGE_SIZE}).`,
      );
    }
    let stride = 7919 % blockSize || 1;
    while (gcd(stride, blockSize) !== 1) stride += 1;
    this.stride = stride;
  }

  /** The next valid 10-digit NHS number; throws when the block is used up. */
  next(): string {
    while (this.step < this.blockSize) {
      const body = this.blockStart + ((this.offset + this.step * this.stride) % this.blockSize);
      this.step += 1;
      const firstNine = `999${String(body).padStart(6, '0')}`;
      const check = nhsNumberCheckDigit(firstNine);
      if (check !== undefined) return `${firstNine}${check}`;
    }
    throw new RangeError(
      `NhsNumberSequence: the block of ${this.blockSize} test NHS numbers is used up; generate fewer patients per practice.`,
    );
  }
}
