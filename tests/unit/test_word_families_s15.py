"""Session 15's systematic pass over the German, French, Spanish, Italian and Japanese word
lists, family by family (value for a review, gating, only the happy ones, changing a review,
promotion, contact and payment off the marketplace, insults and threats), with the verbs that
tie a condition (sobald/nachdem/falls, dès que/une fois, en cuanto/una vez, appena/una volta,
次第/際に). Fresh texts, none from tests/data or the shared corpus."""
import pytest

from policy import load_policy

FLAG = {
    "de": [
        "Nachdem du die Rezension online gestellt hast, bekommst du einen Gutschein.",
        "Falls Sie eine Bewertung verfassen, schenken wir Ihnen das Zubehör.",
        "Nur zufriedene Kunden bitten wir um eine Bewertung.",
        "Überweisen Sie den Betrag einfach direkt auf unser Konto, das geht schneller.",
        "Sie sind wirklich zu blöd, eine Anleitung zu lesen.",
        "Lass doch bitte ein paar nette Worte und fünf Sterne da.",
        "Ruf mich lieber direkt an, dann klären wir das ohne Amazon.",
        "Falls ihr zufrieden seid, bitte 5 Sterne, sonst schreibt uns erst.",
        "Kannst du die 1-Stern-Bewertung bitte wegmachen?",
        "Schau mal in unseren Shop, da gibts noch mehr coole Sachen.",
        "Schick mir ne Mail, dann regeln wir das.",
        "Bezahl einfach per PayPal an mich, ohne Gebühren.",
        "Du bist so ein Vollpfosten.",
        "Wir zeigen Sie an, wenn die Bewertung nicht verschwindet.",
        "Nach der Bewertung gibts ein kleines Dankeschön von uns.",
    ],
    "fr": [
        "Seuls les clients contents sont invités à nous noter.",
        "Une fois la note modifiée, vous recevrez un geste commercial.",
        "Envoie-moi un mail, on s'arrange.",
        "Payez moi par Paypal directement sans passer par Amazon.",
    ],
    "es": [
        "Solo a los clientes contentos les pedimos que nos valoren.",
        "Te devuelvo el dinero si cambias tu calificación.",
        "Mandame un correo y lo arreglamos.",
        "Despues de tu valoracion te espera un regalito.",
    ],
    "it": [
        "Chiediamo solo ai clienti contenti di valutarci.",
        "Per favore togli il voto basso.",
        "Una volta cambiato il voto, riceverai un rimborso parziale.",
        "Passa dal nostro negozio, ci sono tanti altri articoli.",
        "Mandami una mail e sistemiamo.",
        "Pagami con Paypal direttamente senza passare da Amazon.",
    ],
    "ja": [
        "評価を変えてくれたら返金します。",
        "レビューが公開され次第、500円をお振込みします。",
        "ショップの他の商品も見てみてね。",
        "メールをくれたら対応します。",
    ],
}
PASS = {
    "de": ["Vielen Dank für Ihre Bewertung!", "Sobald das Paket ankommt, prüfen Sie bitte den Inhalt.",
           "Nachdem wir die Rücksendung erhalten haben, erstatten wir den Betrag.",
           "Bitte schreiben Sie uns hier, wenn etwas nicht passt.",
           "Wir schicken Ihnen gern einen kostenlosen Ersatz.",
           "Der Artikel hat eine Bewertung von 4,5 Sternen.",
           "Die Rücksendung geht auch ohne Amazon-Etikett, wenn Sie den Beleg aufheben."],
    "fr": ["Merci pour votre avis !", "Dès que le colis arrive, vérifiez son contenu s'il vous plaît.",
           "Écrivez-nous ici si quelque chose ne va pas.", "Cet article a une note de 4,5 étoiles."],
    "es": ["¡Gracias por tu reseña!", "En cuanto llegue el paquete, revisa el contenido por favor.",
           "Escríbenos aquí si algo no va bien.", "Este artículo tiene una valoración de 4,5 estrellas."],
    "it": ["Grazie per la tua recensione!", "Appena arriva il pacco, controlla il contenuto per favore.",
           "Scrivici qui se qualcosa non va.", "Questo articolo ha una valutazione di 4,5 stelle."],
    "ja": ["レビューありがとうございます。", "商品が届き次第、中身をご確認ください。",
           "何か問題があればこちらにご連絡ください。", "Amazonからのメールをご確認ください。"],
}


def blocks(text: str, language: str, word_rules_only: bool = False) -> list:
    result = load_policy("amazon").check_message(text, language=language)
    return [f.rule for f in result.findings if f.severity == "block"
            and not (word_rules_only and ".model-" in f.rule)]


@pytest.mark.parametrize("language, text", [(lang, t) for lang, texts in FLAG.items() for t in texts])
def test_family_phrasing_is_blocked(language, text):
    assert blocks(text, language), text


@pytest.mark.parametrize("language, text", [(lang, t) for lang, texts in PASS.items() for t in texts])
def test_ordinary_phrasing_passes(language, text):
    # The word lists' own verdict: the statistical classifier (review_manipulation.model-<lang>,
    # another helper's) has its own measurements.
    assert blocks(text, language, word_rules_only=True) == [], text
