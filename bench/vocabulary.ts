/** Words the synthetic graphs are made of: names with accents (so accent folding is exercised), kinds and types like the seed's. */

export const FIRST_NAMES = [
  'María', 'José', 'Ana', 'Luis', 'Carmen', 'Jorge', 'Lucía', 'Carlos', 'Sofía', 'Miguel', 'Elena', 'Andrés', 'Isabel', 'Raúl',
  'Marco', 'Nayib', 'Pamela', 'Douglas', 'César', 'Tommy', 'Laura', 'Daniel', 'Paula', 'Víctor', 'Rosa', 'Héctor', 'Julia',
  'Óscar', 'Diana', 'Tomás', 'Irene', 'Hugo', 'Noemí', 'Iván', 'Clara', 'Rubén', 'Alba', 'Félix', 'Inés', 'Samuel', 'Marta',
  'Ernesto', 'Gloria', 'Fabián', 'Teresa', 'Martín', 'Yolanda', 'Adrián', 'Beatriz', 'Joaquín', 'Olga', 'Ramón', 'Sara',
  'William', 'Grace', 'Peter', 'Helen', 'James', 'Nora', 'David',
] as const;

export const LAST_NAMES = [
  'López', 'García', 'Martínez', 'Rodríguez', 'Hernández', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores',
  'Rivera', 'Gómez', 'Díaz', 'Cruz', 'Morales', 'Reyes', 'Gutiérrez', 'Ortiz', 'Chávez', 'Ruiz', 'Álvarez', 'Castillo',
  'Jiménez', 'Moreno', 'Romero', 'Herrera', 'Medina', 'Aguilar', 'Vargas', 'Castro', 'Guzmán', 'Fernández', 'Larios', 'Farah',
  'Bondi', 'Pigott', 'Rubio', 'Bukele', 'Mendoza', 'Salazar', 'Ibáñez', 'Núñez', 'Peña', 'Soto', 'Vega', 'Campos', 'Fuentes',
  'Carrillo', 'Molina', 'Delgado', 'Ríos', 'Sandoval', 'Navarro', 'Acosta', 'Quintero', 'Zamora', 'Bermúdez', 'Escobar',
  'Smith', 'Johnson', 'Brown', 'Walker', 'Young', 'King', 'Wright', 'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts',
] as const;

export const PLACES = [
  'El Salvador', 'Honduras', 'Guatemala', 'Nicaragua', 'Costa Rica', 'Panamá', 'México', 'Colombia', 'Venezuela', 'Ecuador',
  'Perú', 'Bolivia', 'Chile', 'Argentina', 'Uruguay', 'Paraguay', 'Brasil', 'Cuba', 'Haití', 'Jamaica', 'United States', 'Canada',
  'Spain', 'Portugal', 'Belize', 'Dominican Republic',
] as const;

export const POSITIONS = [
  'Secretary of State', 'Minister of Justice', 'Attorney General', 'prosecutor', 'police commissioner', 'gang leader',
  'spokesman', 'journalist', 'judge', 'ambassador', 'prison director', 'informant', 'defence lawyer', 'mayor', 'senator',
] as const;

export const ORG_NOUNS = [
  'Ministry of Justice', 'National Police', 'Prison Authority', 'Attorney General’s Office', 'Customs Agency', 'Supreme Court',
  'Investigations Unit', 'Border Patrol', 'Finance Ministry', 'Electoral Tribunal', 'Human Rights Office', 'Chamber of Commerce',
  'Port Authority', 'Intelligence Service', 'Development Bank',
] as const;

export const ORG_KINDS = ['government-agency', 'government', 'criminal-group', 'news-outlet', 'investigation', 'company'] as const;
export const GANG_WORDS = ['MS-13 clique', 'Barrio 18 cell', 'Tren de Aragua cell', 'smuggling ring', 'shell company', 'holding'] as const;
export const GROUP_NOUNS = ['gang leaders', 'migrants', 'informants', 'prisoners', 'deportees', 'officials', 'witnesses', 'agents'] as const;
export const FACILITIES = ['megaprison', 'detention centre', 'airfield', 'port terminal', 'border crossing', 'courthouse'] as const;
export const LAW_WORDS = ['Alien Enemies Act', 'Extradition Treaty', 'Witness Protection Law', 'Emergency Decree', 'Asset Forfeiture Law'] as const;
export const DEAL_WORDS = ['prison deal', 'cooperation agreement', 'extradition deal', 'secret arrangement', 'security pact', 'loan'] as const;
export const EVENT_WORDS = ['phone call', 'deportation', 'meeting', 'transfer', 'raid', 'indictment', 'hearing', 'press conference', 'arrest'] as const;
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
export const OUTLETS = ['The Daily Beast', 'The Washington Post', 'El Faro', 'La Prensa Gráfica', 'Reuters', 'InSight Crime', 'The Courier'] as const;
export const ATTRIBUTIONS = ['officials told the Post', 'sources familiar with the matter', 'a state department spokesman', 'court records', 'the reporter', 'a former prosecutor'] as const;
export const CONFIDENCES = ['fact', 'named-source', 'anonymous-source', 'alleged', 'denied'] as const;

/** Node kinds with their share of the content nodes (Source nodes are counted apart). */
export const KIND_SHARES = [
  ['Person', 0.45], ['Organization', 0.17], ['Event', 0.1], ['Statement', 0.08], ['Group', 0.05], ['Deal', 0.05],
  ['Place', 0.04], ['Facility', 0.03], ['Law', 0.03],
] as const;
export type Kind = (typeof KIND_SHARES)[number][0] | 'Source';

/** Relationship types by the kind of their source node, all from the seed's vocabulary (docs/model.md). */
export const TYPES_BY_KIND: Record<Kind, readonly string[]> = {
  Person: ['MEMBER_OF', 'HOLDS_POSITION_IN', 'WORKED_WITH', 'TOLD', 'PARTICIPATED_IN', 'LEADS', 'PROPOSED', 'AGREED_TO', 'SAID', 'BETRAYED', 'REACHED_OUT_TO', 'THREATENED_TO_EXPOSE'],
  Organization: ['INVESTIGATED', 'CHARGED', 'PARTY_TO', 'OPERATES_IN', 'PART_OF', 'DISCLOSED', 'DEMANDED', 'TARGETS'],
  Event: ['LED_TO', 'OCCURRED_AFTER', 'LOCATED_IN', 'SUBJECT_OF'],
  Deal: ['GRANTS_ACCESS_TO', 'REQUIRES_RETURN_OF', 'WOULD_TERMINATE', 'BENEFITS', 'UNDERMINED'],
  Group: ['DEPORTED_TO', 'TRANSFERRED_TO', 'HELD_IN_CUSTODY_BY', 'PROTECTED_BY', 'MEMBER_OF'],
  Statement: ['ABOUT'],
  Place: ['PART_OF', 'LOCATED_IN'],
  Facility: ['LOCATED_IN', 'PART_OF'],
  Law: ['TARGETS', 'PROTECTED_BY'],
  Source: ['RELAYED'],
};

export const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
