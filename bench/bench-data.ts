import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeBigExport } from '../lambdas/local/samples/write-big-export';
import type { DirectoryEntry } from '../lambdas/ports';

/** One generated export: how many patients over how many practices, from which seed. */
export interface BenchExport {
  patients: number;
  practices: number;
  seed: number;
  path: string;
}

/** The exports the benchmark reads (SPEC-like SystmOne, one row per patient, practice column). */
export const BENCH_EXPORTS = {
  icb1m: { patients: 1_000_000, practices: 150 },
  /** Twice the patients in twice the practices: the export grows, the practices do not. */
  icb2m: { patients: 2_000_000, practices: 300 },
  /** Twice the patients in the same practices: each practice twice as large. */
  icb2mLargePractices: { patients: 2_000_000, practices: 150 },
  practice20k: { patients: 20_000, practices: 1 },
} as const;

/**
 * The export for `patients` over `practices` from `seed`, generated into `dir` unless a file from the
 * same inputs is already there (the name holds all three). Generation writes to a temporary name first,
 * so an interrupted run never leaves a partial file that a later run would reuse.
 */
export async function ensureExport(
  dir: string,
  spec: { patients: number; practices: number },
  seed: number,
  onGenerate?: (path: string) => void,
): Promise<BenchExport> {
  const path = join(dir, `icb-${spec.patients}-${spec.practices}-seed${seed}.csv`);
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (!exists) {
    onGenerate?.(path);
    await mkdir(dir, { recursive: true });
    const partial = `${path}.partial`;
    try {
      await writeBigExport(partial, spec.patients, spec.practices, seed);
      await rename(partial, path);
    } finally {
      await rm(partial, { force: true });
    }
  }
  return { ...spec, seed, path };
}

/** The practices of a generated export, as the ICB's directory would list them (codes Y10000 onwards). */
export function benchDirectory(practices: number): DirectoryEntry[] {
  return Array.from({ length: practices }, (_, i) => {
    const practiceCode = `Y${String(10000 + i).padStart(5, '0')}`;
    return {
      practiceCode,
      practiceName: `Bench Practice ${i + 1}`,
      pcn: `Bench PCN ${(i % 12) + 1}`,
      clinicalSystem: 'SystmOne',
      email: `${practiceCode.toLowerCase()}@example.org`,
    };
  });
}
