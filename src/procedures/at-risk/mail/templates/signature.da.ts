import { htmlStyle as style } from './template-source.js';

/** How the Danish mails are signed: by the chair by name where the board gives one, else by the board. */
export const danishSignature = {
  text: `Venlig hilsen
{% if chair.name %}{{ chair.name }}
Formand, {{ board.name }}{% else %}{{ board.name }}{% endif %}
{{ institution.name }}
`,
  html: `<p ${style.paragraph}>Venlig hilsen<br>
{% if chair.name %}{{ chair.name }}<br>
Formand, {{ board.name }}{% else %}{{ board.name }}{% endif %}<br>
{{ institution.name }}</p>`,
};
