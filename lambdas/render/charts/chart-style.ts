/**
 * The look shared by every chart: one bundled font (so PNGs are identical on a laptop and in Lambda) and the
 * Okabe–Ito colour-blind-safe palette. Sizes are in SVG pixels at the size the chart is shown in Excel.
 */
export const CHART_STYLE = {
  /** The family name inside the bundled TTF files (assets/fonts); svg-to-png loads only these. */
  fontFamily: 'Atkinson Hyperlegible',
  /** Attribute value for `font-family`: the generic fallback is mapped to the same bundled font. */
  fontStack: "'Atkinson Hyperlegible', sans-serif",
  background: '#ffffff',
  text: '#1f1f1f',
  mutedText: '#555555',
  axis: '#4d4d4d',
  grid: '#e3e3e3',
  /** Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies. */
  vermillion: '#D55E00',
  orange: '#E69F00',
  bluishGreen: '#009E73',
  blue: '#0072B2',
  skyBlue: '#56B4E9',
  grey: '#8c8c8c',
  titleSize: 17,
  subtitleSize: 13,
  axisTitleSize: 13,
  tickSize: 12,
  labelSize: 12,
  legendSize: 12,
} as const;
