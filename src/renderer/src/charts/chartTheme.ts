import { useSyncExternalStore } from 'react';

/** The colors and font every chart draws with, taken from the app's CSS design tokens. */
export type ChartTheme = {
  dark: boolean;
  font: string;
  text: string;
  textSecondary: string;
  textMuted: string;
  grid: string;
  axis: string;
  surface: string;
  accent: string;
  accentSoft: string;
  ok: string;
  warn: string;
  bad: string;
  /** Colors for a few series side by side, accent first. */
  series: string[];
  reducedMotion: boolean;
};

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const motionQuery = window.matchMedia('(prefers-reduced-motion: reduce)');
const themes = new Map<string, ChartTheme>();

function token(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

/** Reads the CSS variables of the current color scheme; canvas drawing cannot use var() itself. */
function readTheme(dark: boolean, reducedMotion: boolean): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const accent = token(style, '--accent', '#5e5ce6');
  return {
    dark,
    font: token(style, '--font-sans', 'system-ui, sans-serif'),
    text: token(style, '--text', '#1b1b1f'),
    textSecondary: token(style, '--text-secondary', '#4b4b55'),
    textMuted: token(style, '--text-muted', '#7a7a86'),
    grid: token(style, '--border', '#e3e3e8'),
    axis: token(style, '--border-strong', '#d2d2da'),
    surface: token(style, '--surface', '#ffffff'),
    accent,
    accentSoft: token(style, '--accent-soft', '#ecebfd'),
    ok: token(style, '--ok', '#1f9d55'),
    warn: token(style, '--warn', '#c77c02'),
    bad: token(style, '--bad', '#d6453d'),
    series: [
      accent,
      token(style, '--group-expand', '#2fb3a3'),
      token(style, '--group-close', '#e0a030'),
      token(style, '--group-prospect', '#5b8def'),
    ],
    reducedMotion,
  };
}

function subscribe(listener: () => void): () => void {
  darkQuery.addEventListener('change', listener);
  motionQuery.addEventListener('change', listener);
  return () => {
    darkQuery.removeEventListener('change', listener);
    motionQuery.removeEventListener('change', listener);
  };
}

function currentTheme(): ChartTheme {
  const key = `${darkQuery.matches}/${motionQuery.matches}`;
  let theme = themes.get(key);
  if (!theme) {
    // Read once per color scheme: the tokens only change with it.
    theme = readTheme(darkQuery.matches, motionQuery.matches);
    themes.set(key, theme);
  }
  return theme;
}

/** The chart theme of the current color scheme; components re-render when the system switches it. */
export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, currentTheme);
}

/** A #rrggbb token at the given opacity; Chart.js parses colors itself, so no color-mix(). */
export function fade(color: string, opacity: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return color;
  const n = parseInt(hex, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${opacity})`;
}
