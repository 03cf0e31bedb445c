// Text that lands where Google reads HTML. Card TextParagraph and DecoratedText render a small HTML subset (<b>, <i>,
// <font color>, <a href>, <br>…: https://developers.google.com/workspace/chat/format-messages#card-formatting), so a
// client called "<b>Acme</b>" would come out bold, and a crafted name could carry a link. Everything the office or a
// client typed is escaped before it is placed in such text; our own markup is added around it afterwards.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
