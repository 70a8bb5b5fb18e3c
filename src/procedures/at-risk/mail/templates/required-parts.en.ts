import { type SnippetSources, htmlStyle as style } from './template-source.js';

/**
 * Student services' fixed wording of the parts the rules require (§ 31), in
 * English. The templates place them with `{{ rights }}`, `{{ meetingOffer }}`,
 * `{{ guidance }}` and `{{ contact }}`; a department's template may write
 * freely around them but cannot change them.
 */

/** The chair by name and office; `apposition` closes the name's apposition (`,` before more of the sentence). */
const chair = (apposition = '') =>
  `{% if chair.name %}{{ chair.name }}, chair of your study board ({{ board.name }})${apposition}{% else %}the chair of your study board ({{ board.name }}){% endif %}`;

const rightsHeading = 'Your right to special guidance:';

// § 31 stk. 1: the right to special guidance when more than 6 months behind.
const rightsYellowText =
  'students who are more than 6 months behind in their programme have the right to special guidance that supports them in completing it (section 31(1) of the Danish University Programme Order, uddannelsesbekendtgørelsen). If this applies to you, now or later, just let us know and we will plan the guidance together with you.';

// § 31 stk. 1 and 2: more than 12 months behind, the university itself must get in touch and offer guidance.
const rightsRedText =
  "students who are more than 6 months behind in their programme have the right to special guidance that supports them in completing it. When the delay is more than 12 months, the university must contact the student and offer special guidance, with its content and timing arranged to the student's needs (section 31(1) and (2) of the Danish University Programme Order, uddannelsesbekendtgørelsen). With this mail, we are making you that offer.";

// § 31 stk. 2: the offer is an individual conversation, arranged to the student's needs.
const meetingOfferText = `We would like to invite you to a personal meeting with ${chair()}. The meeting is about you: how things are going, what may be standing in your way and what could help you move forward. We will find a time that suits you and plan the conversation around your needs. Accepting the offer is voluntary, but we hope you will.`;

const guidanceIntro =
  'You can always get guidance if you are unsure about your study plan, want to talk about your situation or would like to know what your options are.';
const guidanceWithoutServices = 'Write to us and we will help you find the right guidance.';

const contactText = `If you have any questions, you are always welcome to write to ${chair(',')} at {{ chair.email }}.`;
const contactHtml = `If you have any questions, you are always welcome to write to ${chair(',')} at <a href="mailto:{{ chair.email }}" ${style.link}>{{ chair.email }}</a>.`;

const guidance = {
  text: `${guidanceIntro}{% if guidanceServices.size > 0 %} This is where you can get help:
{% for service in guidanceServices %}
- {{ service.name }}{% if service.description %}: {{ service.description }}{% endif %}{% if service.url %}
  {{ service.url }}{% endif %}{% if service.email %}
  {{ service.email }}{% endif %}{% endfor %}{% else %} ${guidanceWithoutServices}{% endif %}`,
  html: `<p ${style.paragraph}>${guidanceIntro}{% if guidanceServices.size > 0 %} This is where you can get help:</p>
<ul ${style.list}>{% for service in guidanceServices %}
<li ${style.listItem}>{% if service.url %}<a href="{{ service.url }}" ${style.link}>{{ service.name }}</a>{% else %}<strong>{{ service.name }}</strong>{% endif %}{% if service.description %}: {{ service.description }}{% endif %}{% if service.email %} (<a href="mailto:{{ service.email }}" ${style.link}>{{ service.email }}</a>){% endif %}</li>{% endfor %}
</ul>{% else %} ${guidanceWithoutServices}</p>{% endif %}`,
};

const contact = { text: contactText, html: `<p ${style.paragraph}>${contactHtml}</p>` };

export const requiredPartsEn: SnippetSources = {
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

{% if bookingLink %}Book a time here: {{ bookingLink }}{% else %}Write to {{ chair.email }} and we will find a time together.{% endif %}`,
      html: `<p ${style.paragraph}>${meetingOfferText}</p>
<p ${style.paragraph}>{% if bookingLink %}<a href="{{ bookingLink }}" ${style.button}>Book a time for the meeting</a>{% else %}Write to <a href="mailto:{{ chair.email }}" ${style.link}>{{ chair.email }}</a> and we will find a time together.{% endif %}</p>`,
    },
    guidance,
    contact,
  },
};
