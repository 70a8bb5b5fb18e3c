import type { Translator } from '../../../../i18n/translator.js';
import type { Block, Inline } from '../../../../messages/message-model.js';
import type { WhistleblowingRoute } from '../../deviation-config.js';

/**
 * The institution's whistleblowing route as a reporter is shown it: the link
 * and the people with a duty of confidentiality she can talk to when in doubt
 * (the guideline). Built here for the triage part's redirection; the intake
 * shows the same route when it stops a report (the lead may join the two).
 */
export function whistleblowingRouteBlocks(reader: Translator, route: WhistleblowingRoute): Block[] {
  const texts = reader.t.deviations.triage.reporter;
  const blocks: Block[] = [
    {
      type: 'text',
      content: [
        { kind: 'styled', text: texts.whistleblowingHeading, bold: true },
        '\n',
        { kind: 'link', text: texts.whistleblowingLink, url: route.link },
      ],
    },
  ];
  if (route.contacts.length > 0) {
    const lines = route.contacts.flatMap((contact): Inline[] => [
      '\n',
      { kind: 'styled', text: contact.name, bold: true },
      ...(contact.role === undefined ? [] : [`, ${contact.role}`]),
      ': ',
      { kind: 'link', text: contact.email, url: `mailto:${contact.email}` },
      ...(contact.phone === undefined ? [] : [`, ${contact.phone}`]),
    ]);
    blocks.push({ type: 'text', content: [texts.whistleblowingContacts, ...lines] });
  }
  return blocks;
}
