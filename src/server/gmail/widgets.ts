// Small card builders the add-on's cards share. Text widgets render Google's HTML subset, so every value passed in as
// `text`, `label` or `bottom` must already be escaped (escapeHtml) when it came from the office or a client.

type Action = GoogleAppsScript.Card_Service.Action;
type DecoratedText = GoogleAppsScript.Card_Service.DecoratedText;
type TextParagraph = GoogleAppsScript.Card_Service.TextParagraph;
type TextButton = GoogleAppsScript.Card_Service.TextButton;
type TextInput = GoogleAppsScript.Card_Service.TextInput;
type SelectionInput = GoogleAppsScript.Card_Service.SelectionInput;
type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;
type Card = GoogleAppsScript.Card_Service.Card;

export function action(functionName: string, parameters: Record<string, string> = {}): Action {
  return CardService.newAction().setFunctionName(functionName).setParameters(parameters);
}

export function line(label: string, text: string, bottom?: string): DecoratedText {
  const w = CardService.newDecoratedText().setText(text).setWrapText(true);
  if (label) w.setTopLabel(label);
  return bottom ? w.setBottomLabel(bottom) : w;
}

export function paragraph(text: string): TextParagraph {
  return CardService.newTextParagraph().setText(text);
}

export function button(text: string, act: Action, filled = false): TextButton {
  const b = CardService.newTextButton().setText(text).setOnClickAction(act);
  return filled ? b.setTextButtonStyle(CardService.TextButtonStyle.FILLED) : b;
}

export function textInput(field: string, title: string, value = ''): TextInput {
  const w = CardService.newTextInput().setFieldName(field).setTitle(title);
  return value ? w.setValue(value) : w;
}

/** A dropdown; `selected` picks the item (the first one when it names none). */
export function dropdown(
  field: string,
  title: string,
  items: Array<{ text: string; value: string }>,
  selected?: string,
): SelectionInput {
  const w = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName(field)
    .setTitle(title);
  const at = Math.max(
    0,
    items.findIndex((i) => i.value === selected),
  );
  items.forEach((i, n) => w.addItem(i.text, i.value, n === at));
  return w;
}

export function notify(text: string): ActionResponse {
  return CardService.newActionResponseBuilder().setNotification(CardService.newNotification().setText(text)).build();
}

/** The action went through: say so, and show `card` in place of the form (back at the root of the add-on's stack). */
export function doneWith(text: string, card: Card): ActionResponse {
  return CardService.newActionResponseBuilder()
    .setNotification(CardService.newNotification().setText(text))
    .setNavigation(CardService.newNavigation().popToRoot().updateCard(card))
    .build();
}

export function pushed(card: Card): ActionResponse {
  return CardService.newActionResponseBuilder().setNavigation(CardService.newNavigation().pushCard(card)).build();
}
