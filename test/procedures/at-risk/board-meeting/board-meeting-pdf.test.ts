import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/translator.js';
import { boardMeetingPack } from '../../../../src/procedures/at-risk/board-meeting/presenters/board-meeting-pack.js';
import { boardMeetingPdf } from '../../../../src/procedures/at-risk/board-meeting/presenters/board-meeting-pdf.js';
import { boardMeetingFacts, madeOn } from './board-meeting-facts.js';

/** The PDF's text as PDF.js (Firefox's reader) extracts it, one page after another, whitespace collapsed. */
async function textOf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(document, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

const cprShaped = /(?<!\d)\d{6}-?\d{4}(?!\d)/;

describe('the board-meeting pack as a PDF', () => {
  it('holds the heading, every figure and the § 31 flags, Danish letters intact', async () => {
    const bytes = await boardMeetingPdf(boardMeetingFacts(), translator('da'), madeOn);

    const { pages, text } = await textOf(bytes);

    expect(pages).toBe(1);
    for (const expected of [
      'Til studienævnsmødet: frafaldstruede studerende – forår 2026 – Studienævn for Datalogi',
      'Mails til gule og røde studerende for forår 2026 blev sendt 7. april 2026.',
      'Kategori Studerende Ændring siden efteråret 2025',
      'Grøn 1.412 +12',
      'Gul 37 -3',
      'Rød 21 +3',
      'Blå 6 ±0',
      'Uden for målgruppen 44',
      'Sendt 52',
      'Ikke leveret 1',
      'Uden e-mailadresse (følges op manuelt) 2',
      'Eliteidrætsudøver 2',
      'Orlov under registrering 1',
      'Anden begrundelse 1',
      'I alt 4',
      '33 studerende er mere end 6 måneder forsinkede og har ret til særlig vejledning (stk. 1).',
      '19 studerende er mere end 12 måneder forsinkede og skal tilbydes en individuel samtale (stk. 2).',
      'Heraf er 1 frasorteret af formanden, som bekræftede det ved afsendelsen.',
      '§ 31: 3 studerende er mere end 12 måneder forsinkede og kontaktes ikke (blå).',
      'Udarbejdet af Trafiklys 8. april 2026 – side 1 af 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('in Bokmål, with thousands grouped by a space the standard fonts can print', async () => {
    const pack = await boardMeetingPack(boardMeetingFacts(), translator('nb'), madeOn);

    const { text } = await textOf(pack.pdf.bytes);

    expect(pack.pdf.fileName).toBe('board-meeting-SN-DAT-2026-spring-nb.pdf');
    for (const expected of [
      'Til studieutvalgsmøtet: studenter i risiko for frafall – vår 2026 – Studienævn for Datalogi',
      'E-postene til gule og røde studenter for vår 2026 ble sendt 7. april 2026.',
      'Kategori Studenter Endring siden høsten 2025',
      'Grønn 1 412 +12',
      'Utenfor målgruppen 44',
      'Toppidrettsutøver 2',
      'Totalt 4',
      '19 studenter er forsinket mer enn 12 måneder og skal tilbys en individuell samtale (stk. 2).',
      'Utarbeidet av Trafiklys 8. april 2026 – side 1 av 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('is a valid PDF whose title and language are the pack’s, and made twice from the same facts it is the same file', async () => {
    const bytes = await boardMeetingPdf(boardMeetingFacts(), translator('en'), madeOn);
    const again = await boardMeetingPdf(boardMeetingFacts(), translator('en'), madeOn);

    const loaded = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(loaded.getTitle()).toBe(
      'For the board meeting: students at risk – spring 2026 – Study Board of Computer Science',
    );
    expect(loaded.getAuthor()).toBe('Trafiklys');
    expect(loaded.getCreationDate()?.toISOString()).toBe('2026-04-08T00:00:00.000Z');
    expect(loaded.getPageCount()).toBe(1);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect((await textOf(bytes)).text).toContain('Made by Trafiklys on 8 April 2026 – page 1 of 1');
  });

  it('a board name beyond the standard fonts’ letters is shown as near as they allow, not refused', async () => {
    const facts = boardMeetingFacts({
      board: { code: 'SN-ŁÓD', name: 'Rada Łódź – Ősz – 李', names: {} },
    });

    const { text } = await textOf(await boardMeetingPdf(facts, translator('en'), madeOn));

    expect(text).toContain('students at risk – spring 2026 – Rada ?ódz – Osz – ?');
  });

  it('holds no CPR number and no student: counts only', async () => {
    const { text } = await textOf(await boardMeetingPdf(boardMeetingFacts(), translator('da'), madeOn));
    expect(text).not.toMatch(cprShaped);
  });

  it('comes with the message, as a file named after the board and the period, in the reader’s language', async () => {
    const pack = await boardMeetingPack(boardMeetingFacts(), translator('da'), madeOn);

    expect(pack.pdf).toMatchObject({
      fileName: 'board-meeting-SN-DAT-2026-spring-da.pdf',
      mediaType: 'application/pdf',
      title: 'Til studienævnsmødet: frafaldstruede studerende – forår 2026 – Studienævn for Datalogi',
    });
    expect(Buffer.from(pack.pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pack.message.fallbackText).toBe(pack.pdf.title);
  });

  it('a long pack runs over onto a second page, each page with its footer', async () => {
    const facts = boardMeetingFacts({
      board: {
        code: 'SN-DAT',
        name: Array.from({ length: 60 }, (_, index) => `Studienævn${index}`).join(' '),
        names: {},
      },
    });

    const { pages, text } = await textOf(await boardMeetingPdf(facts, translator('da'), madeOn));

    expect(pages).toBe(2);
    expect(text).toContain('side 1 af 2');
    expect(text).toContain('side 2 af 2');
    expect(text).toContain('I alt 4');
  });
});
