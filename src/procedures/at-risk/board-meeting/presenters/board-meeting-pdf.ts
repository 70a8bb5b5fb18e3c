import { PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { lightColours } from '../../../../charts/chart-style.js';
import type { Translator } from '../../../../i18n/translator.js';
import { type CalendarDate, utcMidnightOf } from '../../../../shared/calendar-date.js';
import type { BoardMeetingFacts } from '../board-meeting-facts.js';
import { type BoardMeetingContent, boardMeetingContent, type PackRow } from './board-meeting-content.js';
import { pdfText } from './pdf-text.js';

/**
 * The pack as an A4 PDF for the meeting's papers, made with pdf-lib (pure
 * JavaScript, no native build, typed) and PDF's standard Helvetica, which
 * every reader has, so nothing is embedded and the file stays a few KB.
 * Helvetica's WinAnsi encoding has æ, ø, å, §, ± and the en dash; the rest
 * is mapped by `pdfText`. The same facts give the same bytes (dates from
 * the facts, not the clock), so a pack posted again is the same file.
 */
export async function boardMeetingPdf(
  facts: BoardMeetingFacts,
  reader: Translator,
  madeOn: CalendarDate,
): Promise<Uint8Array> {
  const content = boardMeetingContent(facts, reader);
  const document = await PDFDocument.create({ updateMetadata: false });
  const fonts = {
    regular: await document.embedFont(StandardFonts.Helvetica),
    bold: await document.embedFont(StandardFonts.HelveticaBold),
  };
  const madeAt = utcMidnightOf(madeOn);
  document.setTitle(pdfText(content.heading, fonts.regular));
  document.setAuthor('Trafiklys');
  document.setCreator('Trafiklys');
  document.setProducer('Trafiklys (pdf-lib)');
  document.setLanguage(reader.locale);
  document.setCreationDate(madeAt);
  document.setModificationDate(madeAt);

  const writer = new PageWriter(document, fonts);
  layOut(writer, content);
  const pages = document.getPages();
  pages.forEach((page, index) => {
    const footer = reader.t.boardMeeting.footer({ madeOn, page: index + 1, pages: pages.length });
    page.drawText(pdfText(footer, fonts.regular), {
      x: margin,
      y: margin / 2,
      size: 8,
      font: fonts.regular,
      color: grey,
    });
  });
  return document.save({ useObjectStreams: false });
}

const [pageWidth, pageHeight] = PageSizes.A4;
const margin = 56;
const textWidth = pageWidth - 2 * margin;
const black = rgb(0.1, 0.1, 0.1);
const grey = rgb(0.35, 0.35, 0.35);
const rule = rgb(0.8, 0.8, 0.8);

function layOut(writer: PageWriter, content: BoardMeetingContent): void {
  writer.paragraph(content.heading, { size: 16, bold: true, after: 6 });
  writer.paragraph(content.intro, { size: 10.5, after: 14 });
  for (const section of content.sections) {
    writer.keepTogether(18 + (section.table ? (section.table.rows.length + 1) * 17 : 0));
    writer.paragraph(section.title, { size: 12.5, bold: true, after: 4 });
    if (section.table) writer.table(section.table.header, section.table.rows);
    for (const line of section.lines) writer.paragraph(line, { size: 10.5, after: 3 });
    writer.space(12);
  }
  for (const note of content.notes) writer.paragraph(note, { size: 9, after: 3, colour: grey });
}

/** Writes top to bottom, starting a new page when the next thing does not fit. */
class PageWriter {
  private page: PDFPage;
  private y = pageHeight - margin;

  constructor(
    private readonly document: PDFDocument,
    private readonly fonts: { readonly regular: PDFFont; readonly bold: PDFFont },
  ) {
    this.page = document.addPage(PageSizes.A4);
  }

  space(points: number): void {
    this.y -= points;
  }

  /** A new page unless `points` still fit on this one. */
  keepTogether(points: number): void {
    if (this.y - points < margin) {
      this.page = this.document.addPage(PageSizes.A4);
      this.y = pageHeight - margin;
    }
  }

  paragraph(
    text: string,
    style: {
      readonly size: number;
      readonly bold?: boolean;
      readonly after: number;
      readonly colour?: typeof black;
    },
  ): void {
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    const leading = style.size * 1.3;
    for (const line of wrap(pdfText(text, font), font, style.size, textWidth)) {
      this.keepTogether(leading);
      this.y -= leading;
      this.page.drawText(line, {
        x: margin,
        y: this.y,
        size: style.size,
        font,
        color: style.colour ?? black,
      });
    }
    this.y -= style.after;
  }

  /** Label column left, figures right-aligned in columns of their own, each as wide as its widest cell. */
  table(header: readonly string[], rows: readonly PackRow[]): void {
    const size = 10;
    const rowHeight = 17;
    const columnGap = 18;
    const figureColumns = header.length - 1;
    const widthOf = (text: string, font: PDFFont) => font.widthOfTextAtSize(pdfText(text, font), size);
    const widths = Array.from({ length: figureColumns }, (_, column) =>
      Math.max(
        widthOf(header[column + 1] ?? '', this.fonts.bold),
        ...rows.map((row) => widthOf(row.figures[column] ?? '', this.fonts.bold)),
      ),
    );
    // Right edges from the page's right margin leftwards: the last column ends at the margin.
    const rightEdges = widths.map((_, column) =>
      widths.slice(column + 1).reduce((edge, width) => edge - width - columnGap, pageWidth - margin),
    );
    const cells = (label: string, figures: readonly string[], font: PDFFont, indent: number) => {
      this.page.drawText(pdfText(label, font), {
        x: margin + indent,
        y: this.y + 5,
        size,
        font,
        color: black,
      });
      figures.forEach((figure, column) => {
        const text = pdfText(figure, font);
        const right = rightEdges[column] ?? pageWidth - margin;
        this.page.drawText(text, {
          x: right - font.widthOfTextAtSize(text, size),
          y: this.y + 5,
          size,
          font,
          color: black,
        });
      });
    };
    this.keepTogether(rowHeight);
    this.y -= rowHeight;
    cells(header[0] ?? '', header.slice(1), this.fonts.bold, 0);
    this.line(0.8);
    for (const row of rows) {
      this.keepTogether(rowHeight);
      this.y -= rowHeight;
      if (row.total) this.line(0.5, this.y + rowHeight);
      if (row.light) {
        const colours = lightColours[row.light];
        this.page.drawRectangle({
          x: margin,
          y: this.y + 4,
          width: 9,
          height: 9,
          color: hex(colours.fill),
          borderColor: hex(colours.border),
          borderWidth: 0.6,
        });
      }
      cells(row.label, row.figures, row.total ? this.fonts.bold : this.fonts.regular, row.light ? 15 : 0);
    }
    this.space(4);
  }

  private line(thickness: number, y = this.y): void {
    this.page.drawLine({
      start: { x: margin, y },
      end: { x: pageWidth - margin, y },
      thickness,
      color: rule,
    });
  }
}

/** Words onto lines no wider than `width`; a word longer than a line stands alone on its own. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}

function hex(colour: string) {
  const value = Number.parseInt(colour.slice(1), 16);
  return rgb(((value >> 16) & 0xff) / 255, ((value >> 8) & 0xff) / 255, (value & 0xff) / 255);
}
