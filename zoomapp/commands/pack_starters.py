"""The starter pack `zoomapp pack new` writes: a complete, valid example in the coach's
language (English and Spanish; English words, to translate, for any other language)."""

from __future__ import annotations

from pathlib import Path

STARTERS = {
    "en": """#:schema {schema}
# A zoomapp content pack. Change any words; keep the ids you want to replace.
# Check it with:  zoomapp pack check {file}
# Try it live:    zoomapp pack preview {file}
# Writing a pack: see docs/packs.md in zoomapp, or `zoomapp pack schema`.
# Quotes are straight ("), not curly (“ ”): write "like this".

format = 1

[pack]
id = "{id}"
name = "{title}"
version = "1.0"
language = "{language}"            # en, es, ... : the language of every word below
authors = ["Your name"]
description = "What this pack is for, in one line."

# The app's own words. Any key you leave out keeps the built-in words.
[text]
home_question = "What do you need right now?"

# A deck of prompts. Using a built-in id ("body", "surroundings", "needs", "strengths",
# "perspective", "encouragements") replaces that deck; extend = true adds to it instead.
[[decks]]
id = "perspective"
extend = true
prompts = [
  "Mornings like this end. They always do.",
  "You have handled hard mornings before.",
]

[[decks]]
id = "{id}-gate"
title = "At the school gate"
prompts = [
  "Stand side by side. You don't need to say anything.",
  "Notice one thing your child is doing well right now.",
]

# A breathing pattern: phases of "in", "hold" or "out", 1 to 20 seconds each,
# holds at most 15 seconds, one whole breath at most 40 seconds.
[[patterns]]
id = "{id}-slow"
name = "Slow 4-6"
description = "In for four, out for six."
phases = [
  {{ kind = "in", seconds = 4 }},
  {{ kind = "out", seconds = 6 }},
]

# A session: breathe a pattern for some seconds, or show prompts from a deck.
# It can use your items and the built-in ones by id.
[[recipes]]
id = "{id}-gate"
name = "At the school gate"
description = "One minute before saying goodbye."
ask_rating = true
offer_win = true
steps = [
  {{ breathe = "{id}-slow", seconds = 20 }},
  {{ deck = "{id}-gate", prompts = 2, seconds = 12 }},
  {{ deck = "perspective", prompts = 1, seconds = 16 }},
]

# Encouragements are a deck too: shown on the home screen.
[[decks]]
id = "encouragements"
extend = true
prompts = ["You are the right person for your child."]

# Where to find help. The built-in emergency advice stays unless you replace it.
[[help]]
id = "{id}-contact"
title = "Your coach"
text = "Write how families can reach you here."
""",
    "es": """#:schema {schema}
# Un paquete de contenido de zoomapp. Cambia las palabras que quieras; conserva los id
# de lo que quieras reemplazar.
# Revísalo con:      zoomapp pack check {file}
# Pruébalo en vivo:  zoomapp --lang es pack preview {file}
# Cómo escribir un paquete: docs/packs.md en zoomapp, o `zoomapp pack schema`.
# Las comillas son rectas ("), no tipográficas (“ ”): escribe "así".

format = 1

[pack]
id = "{id}"
name = "{title}"
version = "1.0"
language = "{language}"            # es, en, ... : el idioma de todas las palabras de abajo
authors = ["Tu nombre"]
description = "Para qué sirve este paquete, en una línea."

# Las palabras de la propia app. Lo que no escribas aquí conserva las palabras incluidas.
[text]
home_question = "¿Qué necesitas ahora mismo?"

# Un mazo de frases. Con un id incluido ("body", "surroundings", "needs", "strengths",
# "perspective", "encouragements") reemplazas ese mazo; con extend = true, le sumas frases.
[[decks]]
id = "perspective"
extend = true
prompts = [
  "Las mañanas así terminan. Siempre terminan.",
  "Ya has pasado por mañanas difíciles antes.",
]

[[decks]]
id = "{id}-puerta"
title = "En la puerta del colegio"
prompts = [
  "Quédate a su lado. No hace falta decir nada.",
  "Fíjate en algo que tu hijo o tu hija está haciendo bien ahora.",
]

# Un patrón de respiración: fases "in" (inhalar), "hold" (sostener) u "out" (exhalar),
# de 1 a 20 segundos cada una; sostener, 15 como mucho; una respiración entera, 40 como mucho.
[[patterns]]
id = "{id}-lenta"
name = "Lenta 4-6"
description = "Inhala en cuatro, exhala en seis."
phases = [
  {{ kind = "in", seconds = 4 }},
  {{ kind = "out", seconds = 6 }},
]

# Una sesión: respirar con un patrón unos segundos, o mostrar frases de un mazo.
# Puede usar tus elementos y los incluidos, por su id.
[[recipes]]
id = "{id}-puerta"
name = "En la puerta del colegio"
description = "Un minuto antes de despedirse."
ask_rating = true
offer_win = true
steps = [
  {{ breathe = "{id}-lenta", seconds = 20 }},
  {{ deck = "{id}-puerta", prompts = 2, seconds = 12 }},
  {{ deck = "perspective", prompts = 1, seconds = 16 }},
]

# Los ánimos también son un mazo: se muestran en la pantalla de inicio.
[[decks]]
id = "encouragements"
extend = true
prompts = ["Eres la persona indicada para tu hijo o tu hija."]

# Dónde encontrar ayuda. El consejo de emergencia incluido se queda salvo que lo reemplaces.
[[help]]
id = "{id}-contacto"
title = "Tu coach"
text = "Escribe aquí cómo pueden contactarte las familias."
""",
}


def schema_location() -> str:
    """Where the shipped JSON Schema is, as a file URI for a pack's #:schema line."""
    import importlib.util

    spec = importlib.util.find_spec("zoomapp.content")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    folder = Path(folders[0]) if folders else Path(__file__).resolve().parents[2] / "content"
    return (folder / "pack.schema.json").resolve().as_uri()


def starter_text(pack_id: str, file: str, language: str = "en") -> str:
    """The starter for `pack_id` in `language` (English words for a language without one)."""
    return STARTERS.get(language, STARTERS["en"]).format(
        schema=schema_location(),
        file=file,
        id=pack_id,
        title=pack_id.replace("-", " ").capitalize(),
        language=language,
    )
