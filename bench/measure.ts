/** Wall time and CPU time (all threads of this process) of one piece of work. */
export interface Measured<T> {
  value: T;
  wallMs: number;
  cpuMs: number;
}

export async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Peak resident set size of this process so far, in MB (the kernel's high-water mark, VmHWM). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** The largest V8 heap in use and the largest off-heap memory (Buffers) seen by a MemorySampler, in MB. */
export interface MemoryPeaks {
  heapUsedMb: number;
  externalMb: number;
}

/**
 * Samples `process.memoryUsage()` every `everyMs` while work runs, to say what the peak RSS is made of:
 * live JavaScript objects (heap used), Buffers and other memory outside the heap (external), or neither
 * (heap reserved but not in use, code, the worker thread).
 */
export function startMemorySampler(everyMs = 50): { stop(): MemoryPeaks } {
  const peaks: MemoryPeaks = { heapUsedMb: 0, externalMb: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    peaks.heapUsedMb = Math.max(peaks.heapUsedMb, usage.heapUsed / 2 ** 20);
    peaks.externalMb = Math.max(peaks.externalMb, usage.external / 2 ** 20);
  };
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
