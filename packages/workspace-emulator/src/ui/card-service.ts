// CardService: the card builders of a Workspace add-on, recording an inspectable tree. Builders are local objects, not
// round trips, so nothing here goes through ServiceContext.call.
// https://developers.google.com/apps-script/reference/card-service/card-service
//
// build() validates the whole card: at least one section, each with at least one widget ("One or more card sections",
// "Each card section contains one or more UI widgets"), and Google's size limits: "A card can have no more than 100
// card sections" and "A card section can have no more than 100 widgets"
// (https://developers.google.com/workspace/add-ons/concepts/cards). Required fields are checked per widget
// (card-widgets.ts). UNVERIFIED wording for all of these refusals: Google's sentences were found in no source we
// could reach, so ours say what is wrong and where.

import type { ServiceContext } from '../context';
import { enumOf, signatureMismatch } from '../script/emulated';
import {
  CardHeaderJson,
  CardJson,
  CardSectionJson,
  NavigationStepJson,
  ResponseJson,
  TextButtonJson,
} from './card-json';
import {
  Action,
  ButtonSet,
  CardAction,
  DatePicker,
  DateTimePicker,
  DecoratedText,
  Divider,
  ENUMS,
  EnumName,
  IconImage,
  Image,
  KeyValue,
  OpenLink,
  SelectionInput,
  TextButton,
  TextInput,
  TextParagraph,
  Widget,
  booleanArgument,
  instance,
  integerArgument,
  invalidCard,
  member,
  stringArgument,
} from './card-widgets';
import { PAYLOAD_LIMITS } from '../limits';
import { jsonBytes } from '../wire-size';

export { actionEvent, messageEvent } from './addon-events';
export type * from './card-json';
export type { FormInput, PickedValue, PickedValues } from './form-inputs';

export const CARD_LIMITS = {
  sectionsPerCard: PAYLOAD_LIMITS.cardSections.value,
  widgetsPerSection: PAYLOAD_LIMITS.cardWidgetsPerSection.value,
  cardBytes: PAYLOAD_LIMITS.cardBytes.value,
};

export class CardHeader {
  title?: string;
  subtitle?: string;
  imageUrl?: string;
  imageStyle?: string;
  imageAltText?: string;

  setTitle(title: string): this {
    this.title = stringArgument('CardHeader.setTitle', title);
    return this;
  }

  setSubtitle(subtitle: string): this {
    this.subtitle = stringArgument('CardHeader.setSubtitle', subtitle);
    return this;
  }

  setImageUrl(url: string): this {
    this.imageUrl = stringArgument('CardHeader.setImageUrl', url);
    return this;
  }

  setImageStyle(style: GoogleAppsScript.Card_Service.ImageStyle): this {
    this.imageStyle = member('ImageStyle', 'CardHeader.setImageStyle', style);
    return this;
  }

  setImageAltText(text: string): this {
    this.imageAltText = stringArgument('CardHeader.setImageAltText', text);
    return this;
  }

  toJson(): CardHeaderJson {
    if (!this.title) throw invalidCard('The card header has no title: CardHeader.setTitle is required.');
    return {
      title: this.title,
      ...(this.subtitle !== undefined && { subtitle: this.subtitle }),
      ...(this.imageUrl !== undefined && { imageUrl: this.imageUrl }),
      ...(this.imageStyle !== undefined && { imageStyle: this.imageStyle }),
      ...(this.imageAltText !== undefined && { imageAltText: this.imageAltText }),
    };
  }
}

export class CardSection {
  header?: string;
  collapsible = false;
  numUncollapsibleWidgets?: number;
  readonly widgets: Widget[] = [];

  setHeader(header: string): this {
    this.header = stringArgument('CardSection.setHeader', header);
    return this;
  }

  addWidget(widget: Widget): this {
    this.widgets.push(instance(Widget, 'CardSection.addWidget', widget));
    return this;
  }

  setCollapsible(collapsible: boolean): this {
    this.collapsible = booleanArgument('CardSection.setCollapsible', collapsible);
    return this;
  }

  setNumUncollapsibleWidgets(n: number): this {
    this.numUncollapsibleWidgets = integerArgument('CardSection.setNumUncollapsibleWidgets', n);
    return this;
  }

  toJson(n: number): CardSectionJson {
    const where = `section ${n}`;
    if (!this.widgets.length) throw invalidCard(`Card ${where} has no widgets: a card section needs at least one.`);
    if (this.widgets.length > CARD_LIMITS.widgetsPerSection) {
      throw invalidCard(
        `Card ${where} has ${this.widgets.length} widgets; a card section can have no more than ${CARD_LIMITS.widgetsPerSection}.`,
      );
    }
    return {
      ...(this.header !== undefined && { header: this.header }),
      collapsible: this.collapsible,
      ...(this.numUncollapsibleWidgets !== undefined && { numUncollapsibleWidgets: this.numUncollapsibleWidgets }),
      widgets: this.widgets.map((w, i) => w.toJson(`${where}, widget ${i + 1}`)),
    };
  }
}

export class FixedFooter {
  primary?: TextButton;
  secondary?: TextButton;

  setPrimaryButton(button: TextButton): this {
    this.primary = instance(TextButton, 'FixedFooter.setPrimaryButton', button);
    return this;
  }

  setSecondaryButton(button: TextButton): this {
    this.secondary = instance(TextButton, 'FixedFooter.setSecondaryButton', button);
    return this;
  }

  toJson(): { primaryButton: TextButtonJson; secondaryButton?: TextButtonJson } {
    if (!this.primary)
      throw invalidCard('The fixed footer has no primary button: FixedFooter.setPrimaryButton is required.');
    return {
      primaryButton: this.primary.toJson('the fixed footer'),
      ...(this.secondary && { secondaryButton: this.secondary.toJson('the fixed footer') }),
    };
  }
}

/** A built card: an immutable snapshot of the builder at build() time. */
export class Card {
  readonly #json: CardJson;

  constructor(json: CardJson) {
    this.#json = json;
  }

  /** @internal */
  json(): CardJson {
    return structuredClone(this.#json);
  }

  printJson(): string {
    return JSON.stringify(this.#json, null, 2);
  }
}

export class CardBuilder {
  name?: string;
  header?: CardHeader;
  readonly sections: CardSection[] = [];
  footer?: FixedFooter;
  readonly cardActions: CardAction[] = [];

  setName(name: string): this {
    this.name = stringArgument('CardBuilder.setName', name);
    return this;
  }

  setHeader(header: CardHeader): this {
    this.header = instance(CardHeader, 'CardBuilder.setHeader', header);
    return this;
  }

  addSection(section: CardSection): this {
    this.sections.push(instance(CardSection, 'CardBuilder.addSection', section));
    return this;
  }

  setFixedFooter(footer: FixedFooter): this {
    this.footer = instance(FixedFooter, 'CardBuilder.setFixedFooter', footer);
    return this;
  }

  addCardAction(action: CardAction): this {
    this.cardActions.push(instance(CardAction, 'CardBuilder.addCardAction', action));
    return this;
  }

  build(): Card {
    if (!this.sections.length)
      throw invalidCard('The card has no sections: add at least one with CardBuilder.addSection.');
    if (this.sections.length > CARD_LIMITS.sectionsPerCard) {
      throw invalidCard(
        `The card has ${this.sections.length} sections; a card can have no more than ${CARD_LIMITS.sectionsPerCard}.`,
      );
    }
    const json: CardJson = {
      kind: 'card',
      ...(this.name !== undefined && { name: this.name }),
      ...(this.header && { header: this.header.toJson() }),
      sections: this.sections.map((s, i) => s.toJson(i + 1)),
      ...(this.footer && { fixedFooter: this.footer.toJson() }),
      ...(this.cardActions.length > 0 && { cardActions: this.cardActions.map((a, i) => a.toJson(i + 1)) }),
    };
    // UNVERIFIED figure and wording (limits.ts, cardBytes): a card travels to Gmail whole on every action.
    const bytes = jsonBytes(json);
    if (bytes > CARD_LIMITS.cardBytes)
      throw invalidCard(
        `The card is ${bytes} bytes as JSON; the emulator allows no more than ${CARD_LIMITS.cardBytes}.`,
      );
    return new Card(json);
  }
}

// -------------------------------------------------------------------------------------------------------------------
// Responses

export class Navigation {
  readonly steps: NavigationStepJson[] = [];

  pushCard(card: Card): this {
    this.steps.push({ pushCard: instance(Card, 'Navigation.pushCard', card).json() });
    return this;
  }

  updateCard(card: Card): this {
    this.steps.push({ updateCard: instance(Card, 'Navigation.updateCard', card).json() });
    return this;
  }

  popCard(): this {
    this.steps.push({ popCard: true });
    return this;
  }

  popToRoot(): this {
    this.steps.push({ popToRoot: true });
    return this;
  }

  popToNamedCard(cardName: string): this {
    this.steps.push({ popToNamedCard: stringArgument('Navigation.popToNamedCard', cardName) });
    return this;
  }

  printJson(): string {
    return JSON.stringify(this.steps, null, 2);
  }
}

export class Notification {
  text?: string;

  setText(text: string): this {
    this.text = stringArgument('Notification.setText', text);
    return this;
  }
}

export class ActionResponse {
  readonly #json: ResponseJson;

  constructor(json: ResponseJson) {
    this.#json = json;
  }

  /** @internal */
  json(): ResponseJson {
    return structuredClone(this.#json);
  }

  printJson(): string {
    return JSON.stringify(this.#json, null, 2);
  }
}

export class ActionResponseBuilder {
  navigation?: Navigation;
  notification?: Notification;
  openLink?: OpenLink;
  stateChanged?: boolean;

  setNavigation(navigation: Navigation): this {
    this.navigation = instance(Navigation, 'ActionResponseBuilder.setNavigation', navigation);
    return this;
  }

  setNotification(notification: Notification): this {
    this.notification = instance(Notification, 'ActionResponseBuilder.setNotification', notification);
    return this;
  }

  setOpenLink(openLink: OpenLink): this {
    this.openLink = instance(OpenLink, 'ActionResponseBuilder.setOpenLink', openLink);
    return this;
  }

  setStateChanged(stateChanged: boolean): this {
    this.stateChanged = booleanArgument('ActionResponseBuilder.setStateChanged', stateChanged);
    return this;
  }

  build(): ActionResponse {
    if (this.notification && !this.notification.text)
      throw invalidCard('The notification has no text: Notification.setText is required.');
    return new ActionResponse({
      ...(this.navigation && { navigation: this.navigation.steps.map((s) => structuredClone(s)) }),
      ...(this.notification && { notification: this.notification.text }),
      ...(this.openLink && { openLink: this.openLink.toJson('the action response').url }),
      ...(this.stateChanged !== undefined && { stateChanged: this.stateChanged }),
    });
  }
}

export class UniversalActionResponse extends ActionResponse {}

export class UniversalActionResponseBuilder {
  cards?: Card[];
  openLink?: OpenLink;

  displayAddOnCards(cards: Card[]): this {
    if (!Array.isArray(cards))
      throw signatureMismatch('CardService.UniversalActionResponseBuilder.displayAddOnCards', [cards]);
    this.cards = cards.map((c) => instance(Card, 'UniversalActionResponseBuilder.displayAddOnCards', c));
    return this;
  }

  setOpenLink(openLink: OpenLink): this {
    this.openLink = instance(OpenLink, 'UniversalActionResponseBuilder.setOpenLink', openLink);
    return this;
  }

  build(): UniversalActionResponse {
    return new UniversalActionResponse({
      ...(this.cards && { cards: this.cards.map((c) => c.json()) }),
      ...(this.openLink && { openLink: this.openLink.toJson('the universal action response').url }),
    });
  }
}

// -------------------------------------------------------------------------------------------------------------------
// The global

function enums(): { [K in EnumName]: unknown } {
  const out = {} as { [K in EnumName]: unknown };
  for (const name of Object.keys(ENUMS) as EnumName[]) out[name] = enumOf(ENUMS[name]);
  return out;
}

type CS = typeof GoogleAppsScript.Card_Service;

class CardServiceEmulation {
  readonly TextButtonStyle!: CS['TextButtonStyle'];
  readonly SelectionInputType!: CS['SelectionInputType'];
  readonly LoadIndicator!: CS['LoadIndicator'];
  readonly ImageStyle!: CS['ImageStyle'];
  readonly Icon!: CS['Icon'];
  readonly OpenAs!: CS['OpenAs'];
  readonly OnClose!: CS['OnClose'];
  readonly DisplayStyle!: CS['DisplayStyle'];
  readonly ImageCropType!: CS['ImageCropType'];

  constructor() {
    Object.assign(this, enums());
  }

  newCardBuilder = () => new CardBuilder();
  newCardHeader = () => new CardHeader();
  newCardSection = () => new CardSection();
  newDecoratedText = () => new DecoratedText();
  newTextParagraph = () => new TextParagraph();
  newKeyValue = () => new KeyValue();
  newTextInput = () => new TextInput();
  newSelectionInput = () => new SelectionInput();
  newDatePicker = () => new DatePicker();
  newDateTimePicker = () => new DateTimePicker();
  newTextButton = () => new TextButton();
  newButtonSet = () => new ButtonSet();
  newAction = () => new Action();
  newOpenLink = () => new OpenLink();
  newIconImage = () => new IconImage();
  newNavigation = () => new Navigation();
  newActionResponseBuilder = () => new ActionResponseBuilder();
  newNotification = () => new Notification();
  newUniversalActionResponseBuilder = () => new UniversalActionResponseBuilder();
  newDivider = () => new Divider();
  newImage = () => new Image();
  newFixedFooter = () => new FixedFooter();
  newCardAction = () => new CardAction();
}

/** The CardService global. `ctx` is unused: builders never reach Google. */
export function createCardService(_ctx?: ServiceContext): CardServiceEmulation {
  return new CardServiceEmulation();
}

// -------------------------------------------------------------------------------------------------------------------
// What the host (sandbox, tests) reads

function kindOf(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return `a ${(x as object).constructor?.name ?? 'object'}`;
  return `a ${typeof x}`;
}

/** A built Card as JSON; `probe` answers undefined for anything else instead of throwing. */
export function cardToJson(x: unknown, probe?: false): CardJson;
export function cardToJson(x: unknown, probe: true): CardJson | undefined;
export function cardToJson(x: unknown, probe = false): CardJson | undefined {
  if (x instanceof Card) return x.json();
  if (probe) return undefined;
  throw invalidCard(`The add-on returned ${kindOf(x)}, not a Card built with CardService (CardBuilder.build()).`);
}

/** A built ActionResponse or UniversalActionResponse as JSON. */
export function responseToJson(x: unknown): ResponseJson {
  if (x instanceof ActionResponse) return x.json();
  throw invalidCard(
    `The add-on action returned ${kindOf(x)}, not an ActionResponse built with CardService (ActionResponseBuilder.build()).`,
  );
}
