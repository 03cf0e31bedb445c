// The inspectable form of what CardService built: plain JSON that tests assert on and the sandbox's Gmail page
// renders. Our own shape (not Google's wire JSON): one `type` per widget, actions as {functionName, parameters}.

export interface ActionJson {
  functionName: string;
  /** Strings only, as Google requires of Action.setParameters. */
  parameters: Record<string, string>;
  loadIndicator: string;
}

export interface OpenLinkJson {
  url: string;
  openAs: string;
  onClose: string;
}

export interface IconJson {
  icon?: string;
  iconUrl?: string;
  altText?: string;
}

/** How a clickable element reacts: run a function, open a link, or run a function that answers with a link. */
export interface ClickJson {
  onClick?: ActionJson;
  openLink?: OpenLinkJson;
  /** setOnClickOpenLinkAction: the action's response carries the link to open. */
  onClickOpensLink?: boolean;
}

export interface TextButtonJson extends ClickJson {
  type: 'textButton';
  text: string;
  style?: string;
  disabled: boolean;
  backgroundColor?: string;
}

export interface DecoratedTextJson extends ClickJson {
  type: 'decoratedText';
  text: string;
  topLabel?: string;
  bottomLabel?: string;
  wrapText: boolean;
  startIcon?: IconJson;
  button?: TextButtonJson;
  /** Built with the legacy KeyValue widget. */
  legacyKeyValue?: boolean;
}

export interface TextParagraphJson {
  type: 'textParagraph';
  text: string;
}

export interface TextInputJson {
  type: 'textInput';
  fieldName: string;
  title?: string;
  hint?: string;
  value?: string;
  multiline: boolean;
  onChange?: ActionJson;
}

export interface SelectionItemJson {
  text: string;
  value: string;
  selected: boolean;
}

export interface SelectionInputJson {
  type: 'selectionInput';
  fieldName: string;
  title?: string;
  selectionType: string;
  items: SelectionItemJson[];
  onChange?: ActionJson;
}

export interface DatePickerJson {
  type: 'datePicker' | 'dateTimePicker';
  fieldName: string;
  title?: string;
  valueMsEpoch?: number;
  timeZoneOffsetMins?: number;
  onChange?: ActionJson;
}

export interface ButtonSetJson {
  type: 'buttonSet';
  buttons: TextButtonJson[];
}

export interface DividerJson {
  type: 'divider';
}

export interface ImageJson extends ClickJson {
  type: 'image';
  imageUrl: string;
  altText?: string;
}

export type WidgetJson =
  | DecoratedTextJson
  | TextParagraphJson
  | TextInputJson
  | SelectionInputJson
  | DatePickerJson
  | ButtonSetJson
  | TextButtonJson
  | DividerJson
  | ImageJson;

export interface CardHeaderJson {
  title: string;
  subtitle?: string;
  imageUrl?: string;
  imageStyle?: string;
  imageAltText?: string;
}

export interface CardSectionJson {
  header?: string;
  collapsible: boolean;
  numUncollapsibleWidgets?: number;
  widgets: WidgetJson[];
}

export interface CardActionJson extends ClickJson {
  text: string;
}

export interface CardJson {
  kind: 'card';
  name?: string;
  header?: CardHeaderJson;
  sections: CardSectionJson[];
  fixedFooter?: { primaryButton: TextButtonJson; secondaryButton?: TextButtonJson };
  cardActions?: CardActionJson[];
}

export type NavigationStepJson =
  | { pushCard: CardJson }
  | { updateCard: CardJson }
  | { popCard: true }
  | { popToRoot: true }
  | { popToNamedCard: string };

/** An ActionResponse (or UniversalActionResponse) as the host applies it. */
export interface ResponseJson {
  navigation?: NavigationStepJson[];
  notification?: string;
  openLink?: string;
  stateChanged?: boolean;
  /** UniversalActionResponseBuilder.displayAddOnCards. */
  cards?: CardJson[];
}
