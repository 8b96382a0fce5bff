/**
 * The default codebook: security cooperation between officials, states and organisations, aligned
 * with PLOVER so every record exports cleanly (type -> PLOVER event, mode -> PLOVER mode, topic ->
 * PLOVER context where one exists, role -> PLOVER actor or recipient) and to CAMEO dyads.
 *
 * Definitions are ours, written for analysts coding news reports; the PLOVER/CAMEO names and codes
 * are theirs. Where we split finer than PLOVER (video vs phone, our topics), the mapping says which
 * PLOVER value the finer one folds into.
 *
 * Shortcuts (coding screen, one key per type): c CONSULT, a AGREE, s SUPPORT, o COOPERATE, i AID.
 * `n` is kept free: it makes a new engagement.
 */
import type { Codebook } from '../../model/codebook';
import { rule, typeValue, value } from './build';

export const SECURITY_COOPERATION_ID = 'preset:security-cooperation';

const CONSULT_MODES = ['visit', 'phone', 'video', 'third-location', 'multilateral'];

const types = [
  typeValue(
    'CONSULT',
    'Consult',
    'The parties actually met or talked: a visit and its hosting, talks at a neutral venue, a call or ' +
      'video conference, or a session inside a multilateral forum. Code it only when the report says the ' +
      'contact took place; a meeting that is announced, planned or offered is AGREE. Where one side travels ' +
      'to the other, give the traveller the visitor role and the receiving side the host role.',
    rule(2, false, CONSULT_MODES),
    {
      shortcut: 'c',
      plover: { event: 'CONSULT' },
      cameo: ['040', '041', '042', '043', '044', '046'],
      examples: [
        "Somalia's national security adviser meets his Iraqi counterpart in Baghdad during an official visit.",
        "A NATO deputy secretary general holds a virtual meeting with Iraq's national security adviser.",
      ],
    },
  ),
  typeValue(
    'AGREE',
    'Agree',
    'A stated commitment about the future rather than an act: an invitation to visit, an offer of training ' +
      'or assistance, a promise to sign, a meeting or summit announced for later, or a declared willingness to ' +
      'cooperate. Anything that would be CONSULT, SUPPORT, COOPERATE or AID but is reported as still to come ' +
      'belongs here. One party is enough: an offer made in public still counts.',
    rule(1, false),
    {
      shortcut: 'a',
      plover: { event: 'AGREE' },
      cameo: ['030', '031', '0312', '0314', '033', '0332', '036'],
      examples: [
        "Iraq's national security adviser is invited to NATO headquarters in Brussels.",
        "Iraq's interior minister says Iraq is ready to train Somali security forces.",
      ],
    },
  ),
  typeValue(
    'SUPPORT',
    'Support',
    'Diplomatic, non-material backing that has happened: signing or ratifying an agreement or memorandum of ' +
      'understanding, a formal endorsement, praise or recognition of the other party. A promise to sign is ' +
      'AGREE; joint military activity is COOPERATE.',
    rule(2, false),
    {
      shortcut: 's',
      plover: { event: 'SUPPORT' },
      cameo: ['050', '051', '057'],
      examples: ['The two interior ministers sign a memorandum of understanding on security cooperation.'],
    },
  ),
  typeValue(
    'COOPERATE',
    'Cooperate',
    'Material cooperation that benefits both sides and has taken place: intelligence or information actually ' +
      'shared, joint operations, joint exercises, extradition and other judicial cooperation. Give the party ' +
      'receiving the cooperation the recipient role (PLOVER requires one).',
    rule(2, true),
    {
      shortcut: 'o',
      plover: { event: 'COOPERATE' },
      cameo: ['060', '062', '063', '064'],
      examples: ['Two services exchange intelligence on a militant network operating across their border.'],
    },
  ),
  typeValue(
    'AID',
    'Aid',
    'Help that mainly benefits the receiving side and has been delivered: training courses run, equipment ' +
      'or weapons handed over, advisers deployed, funds paid. Give the helping party the provider role and the ' +
      'helped party the recipient role. Offers and pledges of help are AGREE.',
    rule(2, true),
    {
      shortcut: 'i',
      plover: { event: 'AID' },
      cameo: ['070', '072', '074'],
      examples: ['Iran provides military advisers to support Iraqi counter-terrorism operations.'],
    },
  ),
];

const modes = [
  value('visit', 'Visit', 'One party travelled to the other, which received it on its own ground.', {
    plover: { mode: 'visit' },
    cameo: ['042', '043'],
    examples: ['A Somali delegation on an official visit to Baghdad.'],
  }),
  value('phone', 'Phone call', 'The parties spoke by telephone.', { plover: { mode: 'phone' }, cameo: ['041'] }),
  value(
    'video',
    'Video call',
    'The parties met by video conference or another online medium. PLOVER counts this as remote contact, ' +
      'so it exports as its phone mode.',
    { plover: { mode: 'phone' }, cameo: ['041'], examples: ['A virtual meeting between NATO and Iraqi officials.'] },
  ),
  value(
    'third-location',
    'Third location',
    'The parties met in a place belonging to neither of them, such as a neutral capital or a host country ' +
      'that is not a party to the talks.',
    { plover: { mode: 'third-party' }, cameo: ['044'] },
  ),
  value(
    'multilateral',
    'Multilateral',
    'The contact took place within a multilateral setting: an alliance, an international organisation, a ' +
      'summit or conference of several states.',
    { plover: { mode: 'multilateral' }, cameo: ['040'] },
  ),
];

const topics = [
  value('counter-terrorism', 'Counter-terrorism', 'Preventing or fighting terrorist groups and attacks.', {
    plover: { context: 'terrorism' },
  }),
  value(
    'intelligence-sharing',
    'Intelligence sharing',
    'Exchanging intelligence, threat assessments or other security information.',
    { plover: { context: 'intelligence' } },
  ),
  value(
    'border-security',
    'Border security',
    'Control and protection of borders and crossings. PLOVER has no border context; use territory only for ' +
      'disputes over land.',
  ),
  value('drug-trafficking', 'Drug trafficking', 'Interdiction and control of illegal drugs.', {
    plover: { context: 'illegal_drugs' },
  }),
  value('cyber-security', 'Cyber security', 'Protection of networks and systems; cyber attacks and cyber crime.', {
    plover: { context: 'cyber' },
  }),
  value(
    'training-advisory',
    'Training and advisory',
    'Training courses, advisers and capacity building for security forces or institutions.',
  ),
  value('military', 'Military', 'Armed forces, defence policy, military assistance and exercises.', {
    plover: { context: 'military' },
  }),
  value('diplomatic', 'Diplomatic', 'Bilateral relations and diplomacy in general, when no narrower topic fits.', {
    plover: { context: 'diplomatic' },
  }),
  value('law-enforcement', 'Law enforcement', 'Police work, criminal investigation and policing capacity.', {
    plover: { context: 'crime' },
  }),
  value('organised-crime', 'Organised crime', 'Criminal networks, smuggling rings and gangs.', {
    plover: { context: 'crime' },
  }),
  value('human-trafficking', 'Human trafficking', 'Trafficking and smuggling of people.', {
    plover: { context: 'trafficking' },
  }),
  value('judicial-cooperation', 'Judicial cooperation', 'Extradition, legal assistance and courts.', {
    plover: { context: 'legal' },
  }),
  value('migration', 'Migration', 'Migrants, refugees and displaced people.', { plover: { context: 'migration' } }),
  value('economic', 'Economic', 'Trade, investment, finance and development.', { plover: { context: 'economic' } }),
  value('peacekeeping', 'Peacekeeping', 'Peace operations and missions, usually multinational.', {
    plover: { context: 'peacekeeping' },
  }),
  value('cbrn', 'CBRN weapons', 'Chemical, biological, radiological and nuclear weapons and their control.', {
    plover: { context: 'cbrn' },
  }),
  value('maritime-security', 'Maritime security', 'Piracy, naval patrols and security at sea and in ports.'),
  value('corruption', 'Corruption', 'Abuse of public office for private gain.', { plover: { context: 'corruption' } }),
  value('health', 'Health', 'Epidemics and public health cooperation.', { plover: { context: 'health' } }),
];

const roles = [
  value('visitor', 'Visitor', 'The party that travelled to the meeting. PLOVER codes the visitor as the actor.', {
    plover: { role: 'actor' },
  }),
  value('host', 'Host', 'The party that received the visit on its own ground. PLOVER codes the host as recipient.', {
    plover: { role: 'recipient' },
  }),
  value(
    'participant',
    'Participant',
    'A party to the engagement with no visitor/host distinction (a call, a neutral venue, a forum).',
    { plover: { role: 'actor' } },
  ),
  value('mediator', 'Mediator', 'A third party brokering talks between the others.', { plover: { role: 'actor' } }),
  value('signatory', 'Signatory', 'A party that signed the agreement or memorandum.', { plover: { role: 'actor' } }),
  value('recipient', 'Recipient', 'The party that receives aid, training, cooperation or an offer.', {
    plover: { role: 'recipient' },
  }),
  value('provider', 'Provider', 'The party that gives aid, training, equipment or information.', {
    plover: { role: 'actor' },
  }),
];

const outcomes = [
  value('mou-proposed', 'MoU proposed', 'A memorandum of understanding was drafted, discussed or put forward, not signed.', {
    plover: { event: 'AGREE' },
    cameo: ['030'],
  }),
  value('mou-signed', 'MoU signed', 'A memorandum of understanding was signed.', {
    plover: { event: 'SUPPORT' },
    cameo: ['057'],
  }),
  value('agreement-signed', 'Agreement signed', 'A binding agreement or treaty was signed.', {
    plover: { event: 'SUPPORT' },
    cameo: ['057'],
  }),
  value('invitation-extended', 'Invitation extended', 'One party invited the other to visit or to a meeting.', {
    plover: { event: 'AGREE' },
    cameo: ['036'],
  }),
  value('offer-of-training', 'Offer of training', 'One party offered to train the other’s personnel.', {
    plover: { event: 'AGREE' },
    cameo: ['033'],
  }),
  value('offer-of-assistance', 'Offer of assistance', 'One party offered equipment, funds, advice or other help.', {
    plover: { event: 'AGREE' },
    cameo: ['033'],
  }),
  value('joint-statement', 'Joint statement', 'The parties issued a statement or communiqué together.'),
  value(
    'follow-up-meeting-planned',
    'Follow-up meeting planned',
    'A further meeting was announced or scheduled.',
    { plover: { event: 'AGREE' }, cameo: ['036'] },
  ),
  value(
    'joint-committee-formed',
    'Joint committee formed',
    'The parties set up a joint committee, working group or coordination body.',
  ),
];

export const SECURITY_COOPERATION: Codebook = {
  id: SECURITY_COOPERATION_ID,
  name: 'Security cooperation (PLOVER-aligned)',
  version: 1,
  preset: 'security-cooperation',
  description:
    'Meetings, calls, commitments, agreements, cooperation and aid between officials, states and ' +
    'organisations on security matters. Each value maps to PLOVER (event, mode, context) and CAMEO codes ' +
    'for export. Outcomes that are commitments (an invitation, an offer) are usually also worth coding as ' +
    'their own AGREE engagement.',
  types,
  modes,
  topics,
  roles,
  outcomes,
};
