import type { Translator } from '../../../../i18n/translator.js';
import type { Block, Form, Inline } from '../../../../messages/message-model.js';
import type { WhistleblowingRoute } from '../../deviation-config.js';
import { intakeFormIds } from './intake-form-ids.js';

/**
 * The institution's whistleblowing route, shown instead of filing a serious
 * matter (the guideline: bullying, harassment, violence, threats and the like
 * are not deviations): why, the link, and the people with a duty of
 * confidentiality someone in doubt can talk to. Nothing of the report's text
 * is in it.
 */
export function whistleblowingRouteBlocks(
  reader: Translator,
  route: WhistleblowingRoute,
  because: 'answer' | 'words',
): Block[] {
  const texts = reader.t.deviations.intake.route;
  return [
    { type: 'heading', text: texts.heading },
    { type: 'text', content: [because === 'answer' ? texts.becauseAnswer : texts.becauseWords] },
    { type: 'text', content: [{ kind: 'link', text: texts.link, url: route.link }] },
    ...(route.contacts.length === 0
      ? []
      : [
          { type: 'text', content: [texts.contactsIntro] } as const,
          ...route.contacts.map((contact): Block => ({ type: 'text', content: contactLine(contact) })),
        ]),
  ];
}

/** `Vera Varsel, Student ombudsman` / `ombud@uni.example · +47 73 59 50 00` */
function contactLine(contact: WhistleblowingRoute['contacts'][number]): Inline[] {
  return [
    { kind: 'styled', text: contact.name, bold: true },
    ...(contact.role === undefined ? [] : [`, ${contact.role}`]),
    '\n',
    { kind: 'link', text: contact.email, url: `mailto:${contact.email}` },
    ...(contact.phone === undefined ? [] : [` · ${contact.phone}`]),
  ];
}

/**
 * She answered that it is a serious matter: the route alone, with no way to
 * file it here (and nothing of what she wrote kept, not even in the open form).
 */
export function whistleblowingRouteForm(reader: Translator, route: WhistleblowingRoute): Form {
  const texts = reader.t.deviations.intake;
  return {
    formId: intakeFormIds.done,
    title: texts.route.title,
    submitLabel: texts.okLabel,
    cancelLabel: texts.closeLabel,
    blocks: whistleblowingRouteBlocks(reader, route, 'answer'),
    fields: [],
  };
}
