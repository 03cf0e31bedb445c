// CardService's widget builders. They are local objects (no round trip): setters record, `toJson(where)` checks the
// required fields and snapshots the widget when the card is built.
//
// Required fields follow the Card reference ("Required" on CardHeader.title, DecoratedText.text, TextInput/
// SelectionInput/DatePicker name, Action function, Button onClick; https://developers.google.com/workspace/add-ons/
// reference/rpc/google.apps.card.v1). UNVERIFIED wording: Google's build-time validation sentences were found in no
// source we could reach; ours say what is missing and where ("section 1, widget 2").

import { GasException } from '../errors';
import { signatureMismatch } from '../script/emulated';
import { PAYLOAD_LIMITS } from '../limits';
import { utf8Bytes } from '../wire-size';
import {
  ActionJson,
  CardActionJson,
  ButtonSetJson,
  ClickJson,
  DatePickerJson,
  DecoratedTextJson,
  DividerJson,
  IconJson,
  ImageJson,
  OpenLinkJson,
  SelectionInputJson,
  TextButtonJson,
  TextInputJson,
  TextParagraphJson,
  WidgetJson,
} from './card-json';

export const ENUMS = {
  TextButtonStyle: ['OUTLINED', 'FILLED', 'FILLED_TONAL', 'BORDERLESS', 'TEXT'],
  SelectionInputType: ['CHECK_BOX', 'RADIO_BUTTON', 'DROPDOWN', 'SWITCH', 'MULTI_SELECT'],
  LoadIndicator: ['SPINNER', 'NONE'],
  ImageStyle: ['SQUARE', 'CIRCLE'],
  OpenAs: ['FULL_SIZE', 'OVERLAY'],
  OnClose: ['NOTHING', 'RELOAD', 'RELOAD_ADD_ON'],
  DisplayStyle: ['PEEK', 'REPLACE'],
  ImageCropType: ['SQUARE', 'CIRCLE', 'RECTANGLE_CUSTOM', 'RECTANGLE_4_3'],
  Icon: [
    'NONE',
    'AIRPLANE',
    'BOOKMARK',
    'BUS',
    'CAR',
    'CLOCK',
    'CONFIRMATION_NUMBER_ICON',
    'DOLLAR',
    'DESCRIPTION',
    'EMAIL',
    'EVENT_PERFORMER',
    'EVENT_SEAT',
    'FLIGHT_ARRIVAL',
    'FLIGHT_DEPARTURE',
    'HOTEL',
    'HOTEL_ROOM_TYPE',
    'INVITE',
    'MAP_PIN',
    'MEMBERSHIP',
    'MULTIPLE_PEOPLE',
    'OFFER',
    'PERSON',
    'PHONE',
    'RESTAURANT_ICON',
    'SHOPPING_CART',
    'STAR',
    'STORE',
    'TICKET',
    'TRAIN',
    'VIDEO_CAMERA',
    'VIDEO_PLAY',
  ],
} as const;

export type EnumName = keyof typeof ENUMS;

export function invalidCard(message: string): GasException {
  return new GasException(message);
}

// Argument checks: Apps Script refuses a value of the wrong type with its signature sentence.
export function stringArgument(method: string, v: unknown): string {
  if (typeof v !== 'string') throw signatureMismatch(`CardService.${method}`, [v]);
  return v;
}

export function booleanArgument(method: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw signatureMismatch(`CardService.${method}`, [v]);
  return v;
}

export function integerArgument(method: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw signatureMismatch(`CardService.${method}`, [v]);
  return v;
}

export function member(kind: EnumName, method: string, v: unknown): string {
  if (!(ENUMS[kind] as readonly string[]).includes(String(v))) throw signatureMismatch(`CardService.${method}`, [v]);
  return String(v);
}

export function instance<T>(cls: abstract new (...a: never[]) => T, method: string, v: unknown): T {
  if (!(v instanceof cls)) throw signatureMismatch(`CardService.${method}`, [v]);
  return v;
}

// -------------------------------------------------------------------------------------------------------------------
// Actions and links

export class Action {
  functionName?: string;
  parameters: Record<string, string> = {};
  loadIndicator = 'SPINNER';

  setFunctionName(functionName: string): this {
    this.functionName = stringArgument('Action.setFunctionName', functionName);
    return this;
  }

  /**
   * "Both keys and values must be strings" (Action.setParameters reference). UNVERIFIED wording of the refusal; the
   * "Invalid argument: <name>" shape is Apps Script's usual one. Their total size is capped (limits.ts).
   */
  setParameters(parameters: { [key: string]: string }): this {
    if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters))
      throw signatureMismatch('CardService.Action.setParameters', [parameters]);
    const out: Record<string, string> = {};
    let bytes = 0;
    for (const [k, v] of Object.entries(parameters)) {
      if (typeof v !== 'string') throw new GasException('Invalid argument: parameters');
      out[k] = v;
      bytes += utf8Bytes(k) + utf8Bytes(v);
    }
    // UNVERIFIED figure and wording (limits.ts, cardActionParameterBytes): parameters ride inside the card.
    if (bytes > PAYLOAD_LIMITS.cardActionParameterBytes.value)
      throw new GasException(
        `Invalid argument: parameters (${bytes} bytes; the emulator allows ${PAYLOAD_LIMITS.cardActionParameterBytes.value} per action)`,
      );
    this.parameters = out;
    return this;
  }

  setLoadIndicator(loadIndicator: GoogleAppsScript.Card_Service.LoadIndicator): this {
    this.loadIndicator = member('LoadIndicator', 'Action.setLoadIndicator', loadIndicator);
    return this;
  }

  toJson(where: string): ActionJson {
    if (!this.functionName)
      throw invalidCard(`The Action of ${where} has no function name: Action.setFunctionName is required.`);
    return { functionName: this.functionName, parameters: { ...this.parameters }, loadIndicator: this.loadIndicator };
  }
}

export class OpenLink {
  url?: string;
  openAs = 'FULL_SIZE';
  onClose = 'NOTHING';

  setUrl(url: string): this {
    this.url = stringArgument('OpenLink.setUrl', url);
    return this;
  }

  setOpenAs(openAs: GoogleAppsScript.Card_Service.OpenAs): this {
    this.openAs = member('OpenAs', 'OpenLink.setOpenAs', openAs);
    return this;
  }

  setOnClose(onClose: GoogleAppsScript.Card_Service.OnClose): this {
    this.onClose = member('OnClose', 'OpenLink.setOnClose', onClose);
    return this;
  }

  toJson(where: string): OpenLinkJson {
    if (!this.url) throw invalidCard(`The OpenLink of ${where} has no URL: OpenLink.setUrl is required.`);
    return { url: this.url, openAs: this.openAs, onClose: this.onClose };
  }
}

/** What every clickable element shares: one of an action, a link, or an action that opens a link. */
export abstract class Clickable {
  protected click?: { action?: Action; link?: OpenLink; opensLink?: boolean };
  protected abstract readonly kind: string;

  setOnClickAction(action: Action): this {
    this.click = { action: instance(Action, `${this.kind}.setOnClickAction`, action) };
    return this;
  }

  setOnClickOpenLinkAction(action: Action): this {
    this.click = { action: instance(Action, `${this.kind}.setOnClickOpenLinkAction`, action), opensLink: true };
    return this;
  }

  setOpenLink(openLink: OpenLink): this {
    this.click = { link: instance(OpenLink, `${this.kind}.setOpenLink`, openLink) };
    return this;
  }

  protected clickJson(where: string): ClickJson {
    if (!this.click) return {};
    const out: ClickJson = {};
    if (this.click.action) out.onClick = this.click.action.toJson(where);
    if (this.click.link) out.openLink = this.click.link.toJson(where);
    if (this.click.opensLink) out.onClickOpensLink = true;
    return out;
  }

  hasClick(): boolean {
    return !!this.click;
  }
}

// -------------------------------------------------------------------------------------------------------------------
// Widgets

export abstract class Widget extends Clickable {
  abstract toJson(where: string): WidgetJson;
}

export class IconImage {
  icon?: string;
  iconUrl?: string;
  altText?: string;

  setIcon(icon: GoogleAppsScript.Card_Service.Icon): this {
    this.icon = member('Icon', 'IconImage.setIcon', icon);
    return this;
  }

  setIconUrl(url: string): this {
    this.iconUrl = stringArgument('IconImage.setIconUrl', url);
    return this;
  }

  setAltText(altText: string): this {
    this.altText = stringArgument('IconImage.setAltText', altText);
    return this;
  }

  toJson(): IconJson {
    return {
      ...(this.icon && { icon: this.icon }),
      ...(this.iconUrl && { iconUrl: this.iconUrl }),
      ...(this.altText && { altText: this.altText }),
    };
  }
}

export class TextButton extends Widget {
  protected readonly kind = 'TextButton';
  text?: string;
  style?: string;
  disabled = false;
  backgroundColor?: string;

  setText(text: string): this {
    this.text = stringArgument('TextButton.setText', text);
    return this;
  }

  setTextButtonStyle(style: GoogleAppsScript.Card_Service.TextButtonStyle): this {
    this.style = member('TextButtonStyle', 'TextButton.setTextButtonStyle', style);
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.disabled = booleanArgument('TextButton.setDisabled', disabled);
    return this;
  }

  setBackgroundColor(color: string): this {
    this.backgroundColor = stringArgument('TextButton.setBackgroundColor', color);
    return this;
  }

  toJson(where: string): TextButtonJson {
    if (!this.text) throw invalidCard(`The TextButton of ${where} has no text: TextButton.setText is required.`);
    if (!this.click)
      throw invalidCard(
        `The TextButton "${this.text}" of ${where} does nothing: set an action or a link (onClick is required).`,
      );
    return {
      type: 'textButton',
      text: this.text,
      ...(this.style && { style: this.style }),
      disabled: this.disabled,
      ...(this.backgroundColor && { backgroundColor: this.backgroundColor }),
      ...this.clickJson(`the button "${this.text}" of ${where}`),
    };
  }
}

export class ButtonSet extends Widget {
  protected readonly kind = 'ButtonSet';
  readonly buttons: TextButton[] = [];

  addButton(button: TextButton): this {
    this.buttons.push(instance(TextButton, 'ButtonSet.addButton', button));
    return this;
  }

  toJson(where: string): ButtonSetJson {
    // UNVERIFIED wording; a ButtonSet holds "a set of Button objects that are displayed in a row".
    if (!this.buttons.length) throw invalidCard(`The ButtonSet of ${where} has no buttons.`);
    return { type: 'buttonSet', buttons: this.buttons.map((b, i) => b.toJson(`${where}, button ${i + 1}`)) };
  }
}

export class DecoratedText extends Widget {
  protected readonly kind: string = 'DecoratedText';
  text?: string;
  topLabel?: string;
  bottomLabel?: string;
  wrapText = false;
  startIcon?: IconImage;
  button?: TextButton;

  setText(text: string): this {
    this.text = stringArgument(`${this.kind}.setText`, text);
    return this;
  }

  setTopLabel(text: string): this {
    this.topLabel = stringArgument(`${this.kind}.setTopLabel`, text);
    return this;
  }

  setBottomLabel(text: string): this {
    this.bottomLabel = stringArgument(`${this.kind}.setBottomLabel`, text);
    return this;
  }

  setWrapText(wrapText: boolean): this {
    this.wrapText = booleanArgument(`${this.kind}.setWrapText`, wrapText);
    return this;
  }

  setStartIcon(icon: IconImage): this {
    this.startIcon = instance(IconImage, `${this.kind}.setStartIcon`, icon);
    return this;
  }

  setIcon(icon: GoogleAppsScript.Card_Service.Icon): this {
    this.startIcon = new IconImage().setIcon(icon);
    return this;
  }

  setIconUrl(url: string): this {
    this.startIcon = new IconImage().setIconUrl(url);
    return this;
  }

  setButton(button: TextButton): this {
    this.button = instance(TextButton, `${this.kind}.setButton`, button);
    return this;
  }

  toJson(where: string): DecoratedTextJson {
    if (this.text === undefined || this.text === '') {
      throw invalidCard(
        `The ${this.kind} of ${where} has no text: ${this.kind}.${this.kind === 'KeyValue' ? 'setContent' : 'setText'} is required.`,
      );
    }
    return {
      type: 'decoratedText',
      text: this.text,
      ...(this.topLabel !== undefined && { topLabel: this.topLabel }),
      ...(this.bottomLabel !== undefined && { bottomLabel: this.bottomLabel }),
      wrapText: this.wrapText,
      ...(this.startIcon && { startIcon: this.startIcon.toJson() }),
      ...(this.button && { button: this.button.toJson(where) }),
      ...this.clickJson(where),
      ...(this.kind === 'KeyValue' && { legacyKeyValue: true }),
    };
  }
}

/** The deprecated KeyValue: a DecoratedText with `content` for text and `multiline` for wrapping. */
export class KeyValue extends DecoratedText {
  protected override readonly kind: string = 'KeyValue';

  setContent(text: string): this {
    return this.setText(text);
  }

  setMultiline(multiline: boolean): this {
    return this.setWrapText(multiline);
  }
}

export class TextParagraph extends Widget {
  protected readonly kind = 'TextParagraph';
  text?: string;

  setText(text: string): this {
    this.text = stringArgument('TextParagraph.setText', text);
    return this;
  }

  toJson(where: string): TextParagraphJson {
    if (this.text === undefined)
      throw invalidCard(`The TextParagraph of ${where} has no text: TextParagraph.setText is required.`);
    return { type: 'textParagraph', text: this.text };
  }
}

/** Inputs: the field name is the key the value comes back under in the action's event object. */
abstract class Input extends Widget {
  fieldName?: string;
  title?: string;
  onChange?: Action;

  setFieldName(fieldName: string): this {
    this.fieldName = stringArgument(`${this.kind}.setFieldName`, fieldName);
    return this;
  }

  setTitle(title: string): this {
    this.title = stringArgument(`${this.kind}.setTitle`, title);
    return this;
  }

  setOnChangeAction(action: Action): this {
    this.onChange = instance(Action, `${this.kind}.setOnChangeAction`, action);
    return this;
  }

  protected requireName(where: string): string {
    if (!this.fieldName)
      throw invalidCard(`The ${this.kind} of ${where} has no field name: ${this.kind}.setFieldName is required.`);
    return this.fieldName;
  }

  protected common(where: string): { fieldName: string; title?: string; onChange?: ActionJson } {
    return {
      fieldName: this.requireName(where),
      ...(this.title !== undefined && { title: this.title }),
      ...(this.onChange && { onChange: this.onChange.toJson(where) }),
    };
  }
}

export class TextInput extends Input {
  protected readonly kind = 'TextInput';
  hint?: string;
  value?: string;
  multiline = false;

  setHint(hint: string): this {
    this.hint = stringArgument('TextInput.setHint', hint);
    return this;
  }

  setValue(value: string): this {
    this.value = stringArgument('TextInput.setValue', value);
    return this;
  }

  setMultiline(multiline: boolean): this {
    this.multiline = booleanArgument('TextInput.setMultiline', multiline);
    return this;
  }

  toJson(where: string): TextInputJson {
    return {
      type: 'textInput',
      ...this.common(where),
      ...(this.hint !== undefined && { hint: this.hint }),
      ...(this.value !== undefined && { value: this.value }),
      multiline: this.multiline,
    };
  }
}

export class SelectionInput extends Input {
  protected readonly kind = 'SelectionInput';
  selectionType = 'CHECK_BOX';
  readonly items: Array<{ text: string; value: string; selected: boolean }> = [];

  setType(type: GoogleAppsScript.Card_Service.SelectionInputType): this {
    this.selectionType = member('SelectionInputType', 'SelectionInput.setType', type);
    return this;
  }

  /** `text` and `value` may be any value and are shown and returned as strings (reference: addItem(Object, Object, Boolean)). */
  addItem(text: unknown, value: unknown, selected: boolean): this {
    this.items.push({
      text: String(text),
      value: String(value),
      selected: booleanArgument('SelectionInput.addItem', selected),
    });
    return this;
  }

  toJson(where: string): SelectionInputJson {
    return {
      type: 'selectionInput',
      ...this.common(where),
      selectionType: this.selectionType,
      items: this.items.map((i) => ({ ...i })),
    };
  }
}

/** DatePicker and DateTimePicker: the value is ms since the epoch, given as a number or a numeric string. */
export class DatePicker extends Input {
  protected readonly kind: string = 'DatePicker';
  valueMsEpoch?: number;

  setValueInMsSinceEpoch(valueMsEpoch: number | string): this {
    const n = typeof valueMsEpoch === 'string' && valueMsEpoch.trim() !== '' ? Number(valueMsEpoch) : valueMsEpoch;
    if (typeof n !== 'number' || !Number.isFinite(n))
      throw signatureMismatch(`CardService.${this.kind}.setValueInMsSinceEpoch`, [valueMsEpoch]);
    this.valueMsEpoch = n;
    return this;
  }

  toJson(where: string): DatePickerJson {
    return {
      type: 'datePicker',
      ...this.common(where),
      ...(this.valueMsEpoch !== undefined && { valueMsEpoch: this.valueMsEpoch }),
    };
  }
}

export class DateTimePicker extends DatePicker {
  protected override readonly kind: string = 'DateTimePicker';
  timeZoneOffsetMins?: number;

  setTimeZoneOffsetInMins(minutes: number): this {
    this.timeZoneOffsetMins = integerArgument('DateTimePicker.setTimeZoneOffsetInMins', minutes);
    return this;
  }

  override toJson(where: string): DatePickerJson {
    return {
      ...super.toJson(where),
      type: 'dateTimePicker',
      ...(this.timeZoneOffsetMins !== undefined && { timeZoneOffsetMins: this.timeZoneOffsetMins }),
    };
  }
}

export class Divider extends Widget {
  protected readonly kind = 'Divider';

  toJson(): DividerJson {
    return { type: 'divider' };
  }
}

export class Image extends Widget {
  protected readonly kind = 'Image';
  imageUrl?: string;
  altText?: string;

  setImageUrl(url: string): this {
    this.imageUrl = stringArgument('Image.setImageUrl', url);
    return this;
  }

  setAltText(altText: string): this {
    this.altText = stringArgument('Image.setAltText', altText);
    return this;
  }

  toJson(where: string): ImageJson {
    if (!this.imageUrl) throw invalidCard(`The Image of ${where} has no URL: Image.setImageUrl is required.`);
    return {
      type: 'image',
      imageUrl: this.imageUrl,
      ...(this.altText !== undefined && { altText: this.altText }),
      ...this.clickJson(where),
    };
  }
}

/** A card's own menu item (Gmail shows them in the add-on's menu); not a widget. */
export class CardAction extends Clickable {
  protected readonly kind = 'CardAction';
  text?: string;

  setText(text: string): this {
    this.text = stringArgument('CardAction.setText', text);
    return this;
  }

  toJson(n: number): CardActionJson {
    const where = `card action ${n}`;
    if (!this.text) throw invalidCard(`The CardAction of ${where} has no text: CardAction.setText is required.`);
    if (!this.click) throw invalidCard(`The CardAction "${this.text}" does nothing: set an action or a link.`);
    return { text: this.text, ...this.clickJson(where) };
  }
}
