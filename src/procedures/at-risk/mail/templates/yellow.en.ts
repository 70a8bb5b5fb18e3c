import { englishSignature } from './signature.en.js';
import { htmlDocument, type MailTemplateSource, htmlStyle as style } from './template-source.js';

// § 31 stk. 1: the yellow mail tells the student where guidance is and of her right to special guidance.

const opening =
  'After every exam period we write to the students in {{ student.programme }} who have fallen a little behind with their ECTS credits, and this time you are one of them{% if ectsBehind %}: you are {{ ectsBehind }} ECTS credits behind your study plan{% endif %}. This happens to many students, and there can be plenty of good reasons for it. We are not writing to point a finger, but because we want to be sure you know where to find help if you need it.';

const closing = 'We wish you all the best with your studies.';

export const yellowEn: MailTemplateSource = {
  subject: 'Guidance for you in {{ student.programme }}',
  text: `Dear {{ student.name }}

${opening}

{{ guidance }}

{{ rights }}

{{ contact }}

${closing}

${englishSignature.text}`,
  html: htmlDocument(
    'en',
    `<p ${style.paragraph}>Dear {{ student.name }}</p>
<p ${style.paragraph}>${opening}</p>
{{ guidance }}
{{ rights }}
{{ contact }}
<p ${style.paragraph}>${closing}</p>
${englishSignature.html}`,
  ),
};
