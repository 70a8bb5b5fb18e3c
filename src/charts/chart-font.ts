import { GlobalFonts } from '@napi-rs/canvas';

/**
 * Families we know carry every Danish, Norwegian and Swedish letter (æøå, äö),
 * in order of preference. DejaVu ships with most Linux images (fonts-dejavu-core).
 */
export const preferredChartFamilies = ['DejaVu Sans', 'Noto Sans', 'Liberation Sans', 'Arial'] as const;

/** No preferred family is installed: a chart would silently render with no text at all. */
export class ChartFontMissingError extends Error {
  readonly code = 'charts.font_missing';

  constructor(installed: readonly string[]) {
    super(
      `No font for charts: none of ${preferredChartFamilies.join(', ')} is installed ` +
        `(installed: ${installed.length > 0 ? installed.join(', ') : 'none'}). ` +
        'Install DejaVu Sans (Debian/Ubuntu: fonts-dejavu-core) or register a font file at boot ' +
        "with GlobalFonts.registerFromPath(file, 'DejaVu Sans').",
    );
    this.name = 'ChartFontMissingError';
  }
}

/**
 * The CSS font-family list for chart text: the installed preferred families,
 * best first, then the generic `sans-serif`. Throws when none is installed.
 */
export function chartFontFamily(installed: readonly string[] = installedFamilies()): string {
  const available = preferredChartFamilies.filter((family) => installed.includes(family));
  if (available.length === 0) throw new ChartFontMissingError(installed);
  return [...available.map((family) => `"${family}"`), 'sans-serif'].join(', ');
}

function installedFamilies(): string[] {
  return GlobalFonts.families.map((font) => font.family);
}
