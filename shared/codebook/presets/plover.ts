/**
 * PLOVER as a codebook: the 16 event categories as types, every category's modes in one mode list
 * (a mode shared by two categories, e.g. `withdraw` in RETREAT and SANCTION, is one value that both
 * rules name), the contexts as topics, and PLOVER's two actor lists as roles. PLOVER has no
 * outcomes, so that list is empty.
 *
 * Keys, codes and the recipient requirement are PLOVER's; labels and definitions are ours.
 * Where the stored manual drafts differ (e.g. DEMAND vs REQUEST, RETREAT's `return` mode, draft AID
 * modes), we follow the team kit's reference/event-codebooks.md (../shared beside the repository).
 *
 * Shortcuts: a AGREE, c CONSULT, s SUPPORT, d CONCEDE, o COOPERATE, i AID, r RETREAT, q REQUEST,
 * u ACCUSE, j REJECT, t THREATEN, p PROTEST, x SANCTION, m MOBILIZE, e COERCE, l ASSAULT.
 */
import type { Codebook, CodebookType } from '../../model/codebook';
import { rule, typeValue, value } from './build';
import { PLOVER_CONTEXT_TOPICS } from './plover-contexts';

export const PLOVER_ID = 'preset:plover';

/** [key, quad, needs recipient, modes, shortcut, our definition] */
type CategoryRow = [string, string, boolean, string[], string, string];

const ASK_MODES = ['assist', 'change', 'yield', 'meet'];

const CATEGORIES: CategoryRow[] = [
  ['AGREE', 'Verbal cooperation', false, [], 'a',
    'Commits to something ahead: offers, promises, invitations, announced meetings, a pledge to sign. ' +
      'Any cooperative act reported as still to come.'],
  ['CONSULT', 'Verbal cooperation', false, ['visit', 'third-party', 'multilateral', 'phone'], 'c',
    'Meets or talks: visits and hosting, talks at a neutral place, calls and remote meetings, negotiations. ' +
      'A visitor is the actor and the host the recipient; with no such distinction all parties are actors.'],
  ['SUPPORT', 'Verbal cooperation', false, [], 's',
    'Backs the other side diplomatically: praise, endorsement, recognition, signing or ratifying an agreement.'],
  ['CONCEDE', 'Verbal cooperation', false, [], 'd',
    'Gives ground in words: announces an easing, a pardon, a future withdrawal or ceasefire, or expresses regret.'],
  ['COOPERATE', 'Material cooperation', true, [], 'o',
    'Cooperates materially for mutual benefit: economic exchange, joint exercises, extradition and judicial ' +
      'help, sharing intelligence.'],
  ['AID', 'Material cooperation', true, [], 'i',
    'Gives help that mainly benefits the recipient: money, arms, personnel, training delivered, humanitarian ' +
      'relief, asylum.'],
  ['RETREAT', 'Material cooperation', false, ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'], 'r',
    'Gives ground in deed: pulls back forces, frees captives, disarms, holds a ceasefire, lets outsiders in, ' +
      'or an official steps down.'],
  ['REQUEST', 'Verbal conflict', false, ASK_MODES, 'q',
    'Asks or demands that another party help, change course, give way or meet.'],
  ['ACCUSE', 'Verbal conflict', false, ['disapprove', 'investigate', 'allege'], 'u',
    'Criticises, accuses, or opens an investigation into another party.'],
  ['REJECT', 'Verbal conflict', false, ASK_MODES, 'j',
    'Refuses help, change, concessions or a meeting that was proposed or demanded.'],
  ['THREATEN', 'Verbal conflict', false, ['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence'], 't',
    'Warns of harm to come; the mode names what is threatened.'],
  ['PROTEST', 'Material conflict', false, ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct'], 'p',
    'Takes part in collective dissent: demonstrations, riots, strikes, hunger strikes, boycotts, blockades.'],
  ['SANCTION', 'Material conflict', true, ['convict', 'expel', 'withdraw', 'discontinue'], 'x',
    'Punishes or cuts ties with a recipient: court rulings, expulsions, withdrawals, cutting aid or relations.'],
  ['MOBILIZE', 'Material conflict', false, ['troops', 'weapons', 'police', 'militia'], 'm',
    'Raises forces or readiness short of using force.'],
  ['COERCE', 'Material conflict', false,
    ['seize', 'restrict', 'censor', 'curfew', 'martial-law', 'arrest', 'deport', 'withhold', 'misinformation', 'cyber'],
    'e', 'Represses or restricts without physical violence: seizures, arrests, bans, censorship, curfews.'],
  ['ASSAULT', 'Material conflict', false,
    ['abduct', 'beat', 'torture', 'sexual', 'targeted', 'destroy', 'primitive', 'firearms', 'explosives',
      'suicide-attack', 'aerial', 'drone', 'heavy-weapons', 'crowd-control', 'unconventional'],
    'l', 'Uses violence that can cause serious physical harm.'],
];

function categoryType([key, quad, needsRecipient, modes, shortcut, definition]: CategoryRow): CodebookType {
  // A consultation, and anything with a recipient, takes two parties; the rest can be one-sided.
  const minParticipants = key === 'CONSULT' || needsRecipient ? 2 : 1;
  return typeValue(key, key.charAt(0) + key.slice(1).toLowerCase(), `${quad}. ${definition}`, rule(minParticipants, needsRecipient, modes), {
    shortcut,
    plover: { event: key },
  });
}

/** [key, label, definition]; one entry per mode key, shared across the categories that use it. */
const MODES: [string, string, string][] = [
  ['visit', 'Visit', 'One side travels to the other, which hosts.'],
  ['third-party', 'Third party', 'The meeting is hosted by someone not party to it.'],
  ['multilateral', 'Multilateral', 'The contact happens within an alliance, organisation or multi-state forum.'],
  ['phone', 'Phone or remote', 'By telephone, video or another remote medium.'],
  ['withdraw', 'Withdraw', 'Pulls forces, staff, aid or presence out of a place, body or process.'],
  ['release', 'Release', 'Frees captives, prisoners or hostages.'],
  ['disarm', 'Disarm', 'Gives up or decommissions weapons, or stands forces down.'],
  ['ceasefire', 'Ceasefire', 'Stops fighting under a truce.'],
  ['access', 'Allow access', 'Lets observers, peacekeepers, inspectors or aid workers in.'],
  ['resign', 'Resign', 'An official leaves office.'],
  ['assist', 'Assistance', 'About material help or cooperation.'],
  ['change', 'Change', 'About a change of policy, leadership or institutions.'],
  ['yield', 'Yield', 'About giving way: easing sanctions, releasing people, de-escalating.'],
  ['meet', 'Meeting', 'About meeting, negotiating or mediating.'],
  ['disapprove', 'Disapprove', 'Criticises or condemns.'],
  ['investigate', 'Investigate', 'Opens or conducts an inquiry into another party.'],
  ['allege', 'Allege', 'Makes a specific accusation of wrongdoing.'],
  ['restrict', 'Restrict', 'Limits movement, trade or freedoms (threatened or imposed).'],
  ['arrest', 'Arrest', 'Detains or charges people (threatened or carried out).'],
  ['relations', 'Relations', 'Threatens to cut relations, talks or aid.'],
  ['expel', 'Expel', 'Removes a party from a country, body or mission (threatened or carried out).'],
  ['territory', 'Territory', 'Threatens to occupy or take land.'],
  ['violence', 'Violence', 'Threatens force or violent repression.'],
  ['demo', 'Demonstration', 'A peaceful demonstration or rally.'],
  ['riot', 'Riot', 'A violent protest.'],
  ['strike', 'Strike', 'A labour or general strike.'],
  ['hunger', 'Hunger strike', 'Refusing food as protest.'],
  ['boycott', 'Boycott', 'Refusing to take part, buy or deal as protest.'],
  ['obstruct', 'Obstruct', 'Blocking roads, sites or passage as protest.'],
  ['convict', 'Convict', 'A court finds the recipient guilty or liable.'],
  ['discontinue', 'Discontinue', 'Cuts or stops aid, trade or other exchange.'],
  ['troops', 'Troops', 'Mobilises armed personnel or units.'],
  ['weapons', 'Weapons', 'Raises the readiness of weapons systems.'],
  ['police', 'Police', 'Mobilises police or security units.'],
  ['militia', 'Militia', 'Mobilises irregular or militia forces.'],
  ['seize', 'Seize', 'Confiscates or takes property or places.'],
  ['censor', 'Censor', 'Suppresses publications, media or online access.'],
  ['curfew', 'Curfew', 'Imposes a curfew.'],
  ['martial-law', 'Martial law', 'Declares martial law or a state of emergency.'],
  ['deport', 'Deport', 'Expels individuals from the country.'],
  ['withhold', 'Withhold', 'Cuts off public goods or services: power, water, food, internet.'],
  ['misinformation', 'Misinformation campaign', 'Spreads false information as coercion.'],
  ['cyber', 'Cyber operation', 'Coerces through a cyber operation.'],
  ['abduct', 'Abduct', 'Kidnaps or hijacks.'],
  ['beat', 'Beat', 'Physical assault without weapons.'],
  ['torture', 'Torture', 'Inflicts severe pain deliberately.'],
  ['sexual', 'Sexual violence', 'Sexual assault or abuse.'],
  ['targeted', 'Targeted killing', 'Assassination or killing of chosen individuals.'],
  ['destroy', 'Destroy', 'Destroys property.'],
  ['primitive', 'Primitive weapons', 'Fire, blades, stones or similar.'],
  ['firearms', 'Firearms', 'Rifles, pistols and light machine guns.'],
  ['explosives', 'Explosives', 'Bombs, mines and IEDs outside heavy weapons.'],
  ['suicide-attack', 'Suicide attack', 'An attack in which the attacker means to die.'],
  ['aerial', 'Aerial', 'Air strikes by crewed aircraft.'],
  ['drone', 'Drone', 'Strikes by uncrewed aircraft.'],
  ['heavy-weapons', 'Heavy weapons', 'Artillery, tanks and other crew-served weapons.'],
  ['crowd-control', 'Crowd control', 'Tear gas, water cannon, batons and similar against crowds.'],
  ['unconventional', 'Unconventional weapons', 'Chemical, biological, radiological or nuclear means.'],
];

export const PLOVER: Codebook = {
  id: PLOVER_ID,
  name: 'PLOVER',
  version: 1,
  preset: 'plover',
  description:
    "PLOVER's 16 event categories with their modes and contexts, for projects that code the full range " +
    'of cooperation and conflict. Each engagement is one record with lists of actors and recipients.',
  types: CATEGORIES.map(categoryType),
  modes: MODES.map(([key, label, definition]) => value(key, label, definition, { plover: { mode: key } })),
  topics: [...PLOVER_CONTEXT_TOPICS],
  roles: [
    value('actor', 'Actor', 'A party doing the act. In a meeting with no visitor or host, every party is an actor.', {
      plover: { role: 'actor' },
    }),
    value('recipient', 'Recipient', 'The party the act is done to or for (the host of a visit).', {
      plover: { role: 'recipient' },
    }),
  ],
  outcomes: [],
};
