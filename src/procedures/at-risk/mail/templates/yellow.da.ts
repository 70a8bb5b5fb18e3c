import { danishSignature } from './signature.da.js';
import { htmlDocument, type MailTemplateSource, htmlStyle as style } from './template-source.js';

// § 31 stk. 1: the yellow mail tells the student where guidance is and of her right to special guidance.

const opening =
  'Efter hver eksamensperiode skriver vi til de studerende på {{ student.programme }}, der er kommet lidt bagud med deres ECTS-point, og denne gang er du en af dem{% if ectsBehind %}: du mangler {{ ectsBehind }} ECTS-point i forhold til studieplanen{% endif %}. Det sker for mange, og der kan være mange gode grunde til det. Vi skriver ikke for at løfte en pegefinger, men fordi vi gerne vil være sikre på, at du ved, hvor du kan få hjælp, hvis du får brug for det.';

const closing = 'Vi ønsker dig held og lykke med studiet.';

export const yellowDa: MailTemplateSource = {
  subject: 'Vejledning til dig på {{ student.programme }}',
  text: `Kære {{ student.name }}

${opening}

{{ guidance }}

{{ rights }}

{{ contact }}

${closing}

${danishSignature.text}`,
  html: htmlDocument(
    'da',
    `<p ${style.paragraph}>Kære {{ student.name }}</p>
<p ${style.paragraph}>${opening}</p>
{{ guidance }}
{{ rights }}
{{ contact }}
<p ${style.paragraph}>${closing}</p>
${danishSignature.html}`,
  ),
};
