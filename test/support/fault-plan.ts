import { SeededRandom } from './seeded-random';

/** An operation a fault-injecting decorator can fail, e.g. `objects.put` or `snapshots.putSnapshot`. */
export type FaultOperation =
  | 'objects.get'
  | 'objects.head'
  | 'objects.read'
  | 'objects.put'
  | 'objects.copy'
  | 'objects.delete'
  | 'objects.list'
  | 'snapshots.putSnapshot'
  | 'snapshots.getSnapshot'
  | 'snapshots.listSnapshots'
  | 'snapshots.listPeriods'
  | 'ledger.getIngest'
  | 'ledger.putIngest'
  | 'ledger.putFileRecord'
  | 'ledger.listFileRecords'
  | 'directory.listPractices';

/** One planned fault: fail the next `times` calls of `operation` whose detail (usually a key) matches. */
export interface FaultRule {
  operation: FaultOperation;
  /** A substring of the call's detail (bucket/key, practice/period); any call when absent. */
  detail?: string;
  /** How many matching calls fail; default 1. */
  times?: number;
  /** For `objects.read`: bytes delivered before the stream fails; default 0. */
  afterBytes?: number;
  /** The error to throw; default an `InjectedFault` (FaultyTable: a throttling error). */
  error?: () => Error;
}

/** What was injected, for assertions and for "what failed is reported". */
export interface InjectedRecord {
  operation: FaultOperation;
  detail: string;
}

/** The error a planned fault throws unless the rule (or the decorator) supplies its own. */
export class InjectedFault extends Error {
  override readonly name = 'InjectedFault';
}

/**
 * Decides, call by call, whether a decorated store fails: explicit rules first, then (optionally) a
 * seeded random rate per operation, so a soak run is the same every time (SeededRandom, never
 * Math.random).
 */
export class FaultPlan {
  readonly injected: InjectedRecord[] = [];
  private readonly rules: (FaultRule & { left: number })[] = [];
  private readonly random: SeededRandom;
  private rates: Partial<Record<FaultOperation, number>>;

  constructor(options: { seed: number; rates: Partial<Record<FaultOperation, number>> } = { seed: 1, rates: {} }) {
    this.random = new SeededRandom(options.seed);
    this.rates = { ...options.rates };
  }

  /** Adds a rule; rules are consumed in the order they were added. */
  fail(rule: FaultRule): this {
    this.rules.push({ ...rule, left: rule.times ?? 1 });
    return this;
  }

  /** Stops every random fault (rules still apply): lets a soak run drain its retries. */
  calm(): void {
    this.rates = {};
  }

  /**
   * The fault for this call, if any: `{ error, afterBytes }`. Records it in `injected`. `defaultError`
   * makes the error when the rule names none (an `InjectedFault` unless the decorator knows better).
   */
  check(
    operation: FaultOperation,
    detail: string,
    defaultError: (operation: FaultOperation, detail: string) => Error = injectedFault,
  ): { error: Error; afterBytes: number } | undefined {
    for (const rule of this.rules) {
      if (rule.left <= 0 || rule.operation !== operation) continue;
      if (rule.detail !== undefined && !detail.includes(rule.detail)) continue;
      rule.left--;
      this.injected.push({ operation, detail });
      return { error: rule.error?.() ?? defaultError(operation, detail), afterBytes: rule.afterBytes ?? 0 };
    }
    const rate = this.rates[operation];
    if (rate !== undefined && rate > 0 && this.random.next() < rate) {
      this.injected.push({ operation, detail });
      return { error: defaultError(operation, detail), afterBytes: this.random.int(0, 2048) };
    }
    return undefined;
  }
}

/** The default fault: says which operation failed and on what, never any content. */
export function injectedFault(operation: FaultOperation, detail: string): InjectedFault {
  return new InjectedFault(`Injected fault: ${operation} failed for ${detail}.`);
}
