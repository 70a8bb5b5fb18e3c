import { htmlStyle as style } from './template-source.js';

/** How the English mails are signed: by the chair by name where the board gives one, else by the board. */
export const englishSignature = {
  text: `Kind regards
{% if chair.name %}{{ chair.name }}
Chair, {{ board.name }}{% else %}{{ board.name }}{% endif %}
{{ institution.name }}
`,
  html: `<p ${style.paragraph}>Kind regards<br>
{% if chair.name %}{{ chair.name }}<br>
Chair, {{ board.name }}{% else %}{{ board.name }}{% endif %}<br>
{{ institution.name }}</p>`,
};
