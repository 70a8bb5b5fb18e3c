import { englishSignature } from './signature.en.js';
import { htmlDocument, type MailTemplateSource, htmlStyle as style } from './template-source.js';

// § 31 stk. 2: the red mail offers special guidance as an individual conversation, with the booking link.

const opening =
  'We are writing to you because after the last exam period you are quite a way behind in {{ student.programme }}{% if ectsBehind %}: you are {{ ectsBehind }} ECTS credits behind your study plan{% if delay %}, a delay of about {{ delay }}{% endif %}{% endif %}. We know there can be many different reasons behind this, and we would very much like to help you move forward.';

const closing = 'We hope to hear from you.';

export const redEn: MailTemplateSource = {
  subject: 'An offer of a personal meeting about your studies',
  text: `Dear {{ student.name }}

${opening}

{{ rights }}

{{ meetingOffer }}

{{ guidance }}

{{ contact }}

${closing}

${englishSignature.text}`,
  html: htmlDocument(
    'en',
    `<p ${style.paragraph}>Dear {{ student.name }}</p>
<p ${style.paragraph}>${opening}</p>
{{ rights }}
{{ meetingOffer }}
{{ guidance }}
{{ contact }}
<p ${style.paragraph}>${closing}</p>
${englishSignature.html}`,
  ),
};
