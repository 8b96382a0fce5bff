/**
 * CAMEO's cooperative root codes 03-07 (intent to cooperate, consult, diplomatic cooperation,
 * material cooperation, aid) as types: key = the CAMEO code, label = CAMEO's name, and the
 * CAMEO-to-PLOVER mapping (event, mode, context) on each. Definitions are ours.
 *
 * CAMEO folds the how and why into the code itself, so this codebook has no modes and no topics,
 * and no outcomes. CAMEO is dyadic (a source acts on a target), so the roles are source and target;
 * Liaison still stores one engagement and expands it to dyads on export.
 *
 * Where the reference table and PLOVER's 2021 mapping file disagree we follow the reference:
 * 043 exports as CONSULT/visit (the 2021 file writes a `host` mode PLOVER does not define), and
 * 0333 and 073 carry context `humanitarian` (not in PLOVER's current context list).
 *
 * Shortcuts: 3, 4, 5, 6, 7 pick the unspecified root of each group (030, 040, 050, 060, 070).
 */
import type { Codebook, CodebookType } from '../../model/codebook';
import { rule, typeValue, value } from './build';

export const CAMEO_ID = 'preset:cameo';

/** [code, CAMEO name, PLOVER event, PLOVER mode or '', PLOVER context or '', our definition] */
type CodeRow = [string, string, string, string, string, string];

const CODES: CodeRow[] = [
  ['030', 'Express intent to cooperate', 'AGREE', '', 'diplomatic', 'States a wish or plan to cooperate, without saying how.'],
  ['031', 'Express intent to engage in material cooperation', 'AGREE', '', 'diplomatic', 'Says it will cooperate in practical, material ways.'],
  ['0311', 'Express intent to cooperate economically', 'AGREE', '', 'economic', 'Says it will trade, invest or work together economically.'],
  ['0312', 'Express intent to cooperate militarily', 'AGREE', '', 'military', 'Says it will work with the target on defence or military matters.'],
  ['0313', 'Express intent to cooperate on judicial matters', 'AGREE', '', 'legal', 'Says it will cooperate on extradition, legal help or courts.'],
  ['0314', 'Express intent to cooperate on intelligence', 'AGREE', '', 'intelligence', 'Says it will share intelligence or work with the target’s services.'],
  ['032', 'Express intent to engage in diplomatic cooperation', 'AGREE', '', 'diplomatic', 'Says it will back the target politically or diplomatically.'],
  ['033', 'Express intent to provide material aid', 'AGREE', '', 'diplomatic', 'Offers or pledges material help of an unspecified kind.'],
  ['0331', 'Express intent to provide economic aid', 'AGREE', '', 'economic', 'Offers or pledges money, loans or economic help.'],
  ['0332', 'Express intent to provide military aid', 'AGREE', '', 'military', 'Offers or pledges arms, training or military help.'],
  ['0333', 'Express intent to provide humanitarian aid', 'AGREE', '', 'humanitarian', 'Offers or pledges relief or emergency help.'],
  ['0334', 'Express intent to provide military protection or peacekeeping', 'AGREE', '', 'peacekeeping', 'Offers troops to protect the target or keep the peace.'],
  ['034', 'Express intent to institute political reform', 'AGREE', '', 'political_institutions', 'Says it will reform its politics, without saying how.'],
  ['0341', 'Express intent to change leadership', 'AGREE', '', 'political_institutions', 'Says its leaders will change.'],
  ['0342', 'Express intent to change policy', 'AGREE', '', 'executive', 'Says it will change a policy.'],
  ['0343', 'Express intent to provide rights', 'AGREE', '', 'rights_freedoms', 'Says it will grant rights or freedoms.'],
  ['0344', 'Express intent to change institutions, regime', 'AGREE', '', 'political_institutions', 'Says it will change its institutions or form of government.'],
  ['035', 'Express intent to yield', 'AGREE', '', '', 'Says it will give way, without saying how.'],
  ['0351', 'Express intent to ease administrative sanctions', 'AGREE', '', 'rights_freedoms', 'Says it will lift bans, restrictions or other administrative measures.'],
  ['0352', 'Express intent to ease popular dissent', 'AGREE', '', '', 'Says it will stop or scale back protests.'],
  ['0353', 'Express intent to release persons or property', 'AGREE', '', 'rights_freedoms', 'Says it will free detainees or return seized property.'],
  ['0354', 'Express intent to ease economic sanctions, boycott, or embargo', 'AGREE', '', 'economic', 'Says it will lift or ease economic pressure.'],
  ['0355', 'Express intent to allow international involvement (non-mediation)', 'AGREE', '', 'diplomatic', 'Says it will let observers, peacekeepers or agencies in.'],
  ['0356', 'Express intent to de-escalate military engagement', 'AGREE', '', 'military', 'Says it will scale back fighting or deployments.'],
  ['036', 'Express intent to meet or negotiate', 'AGREE', '', 'diplomatic', 'Invites, proposes or agrees to a meeting or talks that have not yet happened.'],
  ['037', 'Express intent to settle dispute', 'AGREE', '', 'diplomatic', 'Says it will resolve a dispute with the target.'],
  ['038', 'Express intent to accept mediation', 'AGREE', '', 'diplomatic', 'Says it will accept a mediator.'],
  ['039', 'Express intent to mediate', 'AGREE', '', 'diplomatic', 'Offers to mediate between others.'],
  ['040', 'Consult, not specified', 'CONSULT', '', '', 'Held talks or consultations; the report does not say how.'],
  ['041', 'Discuss by telephone', 'CONSULT', 'phone', '', 'Talked by telephone or another remote medium.'],
  ['042', 'Make a visit', 'CONSULT', 'visit', '', 'The source travelled to the target and met it there.'],
  ['043', 'Host a visit', 'CONSULT', 'visit', '', 'The source received the target on its own ground.'],
  ['044', 'Meet at a "third" location', 'CONSULT', 'third-party', '', 'Met on ground belonging to neither side.'],
  ['045', 'Mediate', 'CONSULT', '', 'diplomatic', 'Acted as go-between for other parties.'],
  ['046', 'Engage in negotiation', 'CONSULT', '', 'diplomatic', 'Negotiated with the target.'],
  ['050', 'Engage in diplomatic cooperation', 'SUPPORT', '', 'diplomatic', 'Backed the target diplomatically in a way not covered below.'],
  ['051', 'Praise or endorse', 'SUPPORT', '', 'diplomatic', 'Spoke well of the target or its actions.'],
  ['052', 'Defend verbally', 'SUPPORT', '', 'diplomatic', 'Spoke up for the target against criticism.'],
  ['053', 'Rally support on behalf of', 'SUPPORT', '', 'diplomatic', 'Sought backing from others for the target.'],
  ['054', 'Grant diplomatic recognition', 'SUPPORT', '', 'diplomatic', 'Formally recognised the target as a state or government.'],
  ['055', 'Apologize', 'SUPPORT', '', 'diplomatic', 'Apologised to the target.'],
  ['056', 'Forgive', 'SUPPORT', '', 'diplomatic', 'Forgave the target.'],
  ['057', 'Sign formal agreement', 'SUPPORT', '', 'diplomatic', 'Signed or ratified an agreement, treaty or memorandum with the target.'],
  ['060', 'Engage in material cooperation', 'COOPERATE', '', '', 'Cooperated in practice in a way not covered below.'],
  ['061', 'Cooperate economically', 'COOPERATE', '', 'economic', 'Traded, invested or worked together economically.'],
  ['062', 'Cooperate militarily', 'COOPERATE', '', 'military', 'Held joint exercises or operations, or other military cooperation.'],
  ['063', 'Engage in judicial cooperation', 'COOPERATE', '', 'legal', 'Extradited, gave legal assistance or cooperated in courts.'],
  ['064', 'Share intelligence or information', 'COOPERATE', '', 'intelligence', 'Passed intelligence or significant information to the target.'],
  ['070', 'Provide aid', 'AID', '', '', 'Gave help of a kind not covered below.'],
  ['071', 'Provide economic aid', 'AID', '', 'economic', 'Gave money, loans or economic help.'],
  ['072', 'Provide military aid', 'AID', '', 'military', 'Gave arms, equipment, training or military personnel.'],
  ['073', 'Provide humanitarian aid', 'AID', '', 'humanitarian', 'Gave relief or emergency help.'],
  ['074', 'Provide military protection or peacekeeping', 'AID', '', 'peacekeeping', 'Sent forces to protect the target or keep the peace.'],
  ['075', 'Grant asylum', 'AID', '', 'asylum', 'Gave asylum to a person on its territory or in an embassy.'],
];

/** Mirrors the default preset: intents need one party, acts need two, material acts a recipient. */
function ruleFor(event: string) {
  if (event === 'AGREE') return rule(1, false);
  if (event === 'COOPERATE' || event === 'AID') return rule(2, true);
  return rule(2, false);
}

function codeType([code, name, event, mode, context, definition]: CodeRow): CodebookType {
  const plover: { event: string; mode?: string; context?: string } = { event };
  if (mode) plover.mode = mode;
  if (context) plover.context = context;
  // The unspecified root of each group gets its group digit as a shortcut: 030 -> 3 ... 070 -> 7.
  const shortcut = /^0[3-7]0$/.test(code) ? code.charAt(1) : undefined;
  return typeValue(code, name, definition, ruleFor(event), { plover, cameo: [code], shortcut });
}

export const CAMEO: Codebook = {
  id: CAMEO_ID,
  name: 'CAMEO 03–07',
  version: 1,
  preset: 'cameo',
  description:
    "CAMEO's cooperative codes: intent to cooperate (03), consult (04), diplomatic cooperation (05), " +
    'material cooperation (06) and aid (07). Each code carries its PLOVER equivalent for export.',
  types: CODES.map(codeType),
  modes: [],
  topics: [],
  roles: [
    value('source', 'Source', 'The party that acts: the visitor in 042, the host in 043, the giver in 07x.', {
      plover: { role: 'actor' },
    }),
    value('target', 'Target', 'The party acted upon: the one visited, praised, helped or negotiated with.', {
      plover: { role: 'recipient' },
    }),
  ],
  outcomes: [],
};
