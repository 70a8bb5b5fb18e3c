import { danishSignature } from './signature.da.js';
import { htmlDocument, type MailTemplateSource, htmlStyle as style } from './template-source.js';

// § 31 stk. 2: the red mail offers special guidance as an individual conversation, with the booking link.

const opening =
  'Vi skriver til dig, fordi du efter den seneste eksamensperiode er en del bagud på {{ student.programme }}{% if ectsBehind %}: du mangler {{ ectsBehind }} ECTS-point i forhold til studieplanen{% if delay %}, hvilket svarer til en forsinkelse på omkring {{ delay }}{% endif %}{% endif %}. Vi ved, at der kan ligge mange forskellige ting bag, og vi vil rigtig gerne hjælpe dig godt videre.';

const closing = 'Vi håber at høre fra dig.';

export const redDa: MailTemplateSource = {
  subject: 'Tilbud om en personlig samtale om dit studie',
  text: `Kære {{ student.name }}

${opening}

{{ rights }}

{{ meetingOffer }}

{{ guidance }}

{{ contact }}

${closing}

${danishSignature.text}`,
  html: htmlDocument(
    'da',
    `<p ${style.paragraph}>Kære {{ student.name }}</p>
<p ${style.paragraph}>${opening}</p>
{{ rights }}
{{ meetingOffer }}
{{ guidance }}
{{ contact }}
<p ${style.paragraph}>${closing}</p>
${danishSignature.html}`,
  ),
};
