import { type SnippetSources, htmlStyle as style } from './template-source.js';

/**
 * Studieservices faste tekster til de dele, som reglerne kræver (§ 31), på
 * dansk. Skabelonerne placerer dem med `{{ rights }}`, `{{ meetingOffer }}`,
 * `{{ guidance }}` og `{{ contact }}`; en afdelings skabelon kan skrive frit
 * omkring dem, men ikke ændre dem.
 */

/** The chair by name and office; `apposition` closes the name's apposition (`,` before more of the sentence). */
const chair = (apposition = '') =>
  `{% if chair.name %}{{ chair.name }}, formand for dit studienævn ({{ board.name }})${apposition}{% else %}formanden for dit studienævn ({{ board.name }}){% endif %}`;

const rightsHeading = 'Din ret til særlig vejledning:';

// § 31 stk. 1: retten til særlig vejledning ved mere end 6 måneders forsinkelse.
const rightsYellowText =
  'Studerende, der er mere end 6 måneder forsinket i deres uddannelse, har ret til særlig vejledning, som skal støtte dem i at gennemføre uddannelsen (uddannelsesbekendtgørelsen § 31, stk. 1). Gælder det dig, nu eller senere, så sig endelig til, så tilrettelægger vi vejledningen sammen med dig.';

// § 31 stk. 1 og 2: ved mere end 12 måneders forsinkelse skal universitetet selv tage kontakt og tilbyde vejledning.
const rightsRedText =
  'Studerende, der er mere end 6 måneder forsinket i deres uddannelse, har ret til særlig vejledning, som skal støtte dem i at gennemføre uddannelsen. Er forsinkelsen mere end 12 måneder, skal universitetet kontakte den studerende og tilbyde særlig vejledning, hvor indhold og tidspunkt tilrettelægges efter den studerendes behov (uddannelsesbekendtgørelsen § 31, stk. 1 og 2). Det tilbud giver vi dig med denne mail.';

// § 31 stk. 2: tilbuddet er en individuel samtale, tilrettelagt efter den studerendes behov.
const meetingOfferText = `Vi vil gerne invitere dig til en personlig samtale med ${chair()}. Samtalen handler om dig: hvordan det går, hvad der eventuelt står i vejen, og hvad der kan hjælpe dig videre. Vi finder et tidspunkt, der passer dig, og indholdet tilrettelægger vi efter dine behov. Det er frivilligt at tage imod tilbuddet, men vi håber, at du vil.`;

const guidanceIntro =
  'Du kan altid få vejledning, hvis du er i tvivl om din studieplan, vil tale om din situation eller gerne vil vide, hvilke muligheder du har.';
const guidanceWithoutServices = 'Skriv til os, så hjælper vi dig videre til den rette vejledning.';

const contactText = `Har du spørgsmål, er du altid velkommen til at skrive til ${chair(',')} på {{ chair.email }}.`;
const contactHtml = `Har du spørgsmål, er du altid velkommen til at skrive til ${chair(',')} på <a href="mailto:{{ chair.email }}" ${style.link}>{{ chair.email }}</a>.`;

const guidance = {
  text: `${guidanceIntro}{% if guidanceServices.size > 0 %} Her kan du få hjælp:
{% for service in guidanceServices %}
- {{ service.name }}{% if service.description %}: {{ service.description }}{% endif %}{% if service.url %}
  {{ service.url }}{% endif %}{% if service.email %}
  {{ service.email }}{% endif %}{% endfor %}{% else %} ${guidanceWithoutServices}{% endif %}`,
  html: `<p ${style.paragraph}>${guidanceIntro}{% if guidanceServices.size > 0 %} Her kan du få hjælp:</p>
<ul ${style.list}>{% for service in guidanceServices %}
<li ${style.listItem}>{% if service.url %}<a href="{{ service.url }}" ${style.link}>{{ service.name }}</a>{% else %}<strong>{{ service.name }}</strong>{% endif %}{% if service.description %}: {{ service.description }}{% endif %}{% if service.email %} (<a href="mailto:{{ service.email }}" ${style.link}>{{ service.email }}</a>){% endif %}</li>{% endfor %}
</ul>{% else %} ${guidanceWithoutServices}</p>{% endif %}`,
};

const contact = { text: contactText, html: `<p ${style.paragraph}>${contactHtml}</p>` };

export const requiredPartsDa: SnippetSources = {
  yellow: {
    rights: {
      text: `${rightsHeading} ${rightsYellowText}`,
      html: `<p ${style.paragraph}><strong>${rightsHeading}</strong> ${rightsYellowText}</p>`,
    },
    guidance,
    contact,
  },
  red: {
    rights: {
      text: `${rightsHeading} ${rightsRedText}`,
      html: `<p ${style.paragraph}><strong>${rightsHeading}</strong> ${rightsRedText}</p>`,
    },
    meetingOffer: {
      text: `${meetingOfferText}

{% if bookingLink %}Book en tid her: {{ bookingLink }}{% else %}Skriv til {{ chair.email }}, så finder vi et tidspunkt sammen.{% endif %}`,
      html: `<p ${style.paragraph}>${meetingOfferText}</p>
<p ${style.paragraph}>{% if bookingLink %}<a href="{{ bookingLink }}" ${style.button}>Book en tid til samtalen</a>{% else %}Skriv til <a href="mailto:{{ chair.email }}" ${style.link}>{{ chair.email }}</a>, så finder vi et tidspunkt sammen.{% endif %}</p>`,
    },
    guidance,
    contact,
  },
};
