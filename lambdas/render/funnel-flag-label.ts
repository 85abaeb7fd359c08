import type { FunnelFlag } from '../core/report/tidy-columns';
import { COLOURS } from './sheet-style';

/** Funnel flags in words, what they mean, and the fill that marks them (red = needs attention). */
export const FUNNEL_FLAG_LABELS: Readonly<Record<FunnelFlag, { label: string; meaning: string; fill: string }>> = {
  high_outlier: {
    label: 'High outlier',
    meaning: 'above the 99.8% limit: too many gaps to be chance',
    fill: COLOURS.red,
  },
  high_warning: { label: 'High warning', meaning: 'above the 95% limit', fill: COLOURS.amber },
  in_control: { label: 'Within expected range', meaning: 'within the 95% limits', fill: COLOURS.blue },
  low_warning: { label: 'Low warning', meaning: 'below the 95% limit: fewer gaps than expected', fill: COLOURS.green },
  low_outlier: {
    label: 'Low outlier',
    meaning: 'below the 99.8% limit: far fewer gaps than expected',
    fill: COLOURS.green,
  },
};

/** The words for a flag value, or the value as given when it is not a known flag. */
export function funnelFlagLabel(flag: string | undefined): string | undefined {
  if (flag === undefined) return undefined;
  return (FUNNEL_FLAG_LABELS as Record<string, { label: string } | undefined>)[flag]?.label ?? flag;
}
