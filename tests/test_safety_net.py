"""The safety net: a frightening worry is met with help, in the app and in the shell; a coach
can teach it new words and everyday phrases; the safety plan is kept and shown when needed."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input

from tests.conftest import FakeClock, make_app, write_pack
from tests.test_journal_ui import type_text
from tests.test_pack_cli import HEADER
from zoomapp.core.content.packs import load_content
from zoomapp.core.paths import Paths
from zoomapp.core.practice.danger import UNSURE
from zoomapp.core.practice.helplines import add_number, numbers_file
from zoomapp.core.practice.plain import plain
from zoomapp.core.practice.safety_plan import load_plan, plan_file, save_plan
from zoomapp.core.practice.worries import danger_in, danger_in_written, recogniser
from zoomapp.core.settings import Settings, save_settings
from zoomapp.ui.launch import Start
from zoomapp.ui.screens.help import HelpScreen
from zoomapp.ui.screens.safety_plan import SafetyPlanScreen
from zoomapp.ui.screens.zoom import ZoomScreenView
from zoomapp.ui.widgets.notebox import NoteBox

BIN = Path(sys.executable).parent / "zoomapp"


def zoomapp(home: Path, *args: str, stdin: str = "", lang: str = "en_GB.UTF-8"):
    env = {**os.environ, "ZOOMAPP_HOME": str(home), "LANG": lang}
    return subprocess.run(
        [str(BIN), *args], input=stdin, capture_output=True, text=True, env=env, timeout=30
    )


def test_a_coach_teaches_it_a_phrase_and_an_everyday_one(tmp_path: Path) -> None:
    worry, idiom = "what if he goes to the quarry again", "she is dead keen on the trip"
    builtin = load_content()
    assert danger_in(worry, builtin) is None  # the built-in words do not know it
    coach = write_pack(
        tmp_path,
        "coach.toml",
        HEADER
        + '[[decks]]\nid = "danger-suicide"\nextend = true\nprompts = ["goes to the quarry"]\n'
        + '[[decks]]\nid = "danger-except"\nextend = true\nprompts = ["dead keen"]\n',
    )
    taught = load_content([coach])
    assert danger_in(worry, taught).category == "suicide"
    assert danger_in("she is dead", taught) is not None  # the exception covers only its words
    assert danger_in(idiom, taught) is None


def test_a_new_danger_deck_is_a_new_category(tmp_path: Path) -> None:
    coach = write_pack(
        tmp_path,
        "coach.toml",
        HEADER + '[[decks]]\nid = "danger-fire"\nprompts = ["set* ... on fire"]\n',
    )
    found = danger_in("what if he sets the house on fire", load_content([coach]))
    assert found is not None and found.category == "fire"


def test_every_language_is_read_whatever_the_interface_speaks() -> None:
    english, spanish = load_content(), load_content([], "es")
    for said in ("mi hijo se quiere quitar la vida", "she wants to kill herself"):
        assert danger_in(said, english) is not None and danger_in(said, spanish) is not None


def read_as(said: str, content=None) -> str | None:
    """The category a worry is answered with (None: kind words, no help first)."""
    found = danger_in(said, content or load_content())
    return found.category if found else None


def no_phrase_finds_danger_in(*sayings: str) -> None:
    """Everyday look-alikes: no danger phrase reads any of them as danger (the word
    weights, near the line, may still offer help first - and kind words after)."""
    phrases = recogniser(load_content())
    for said in sayings:
        assert phrases.find_phrase(plain(said)) is None, said


def a_phrase_finds_danger_in(*sayings: str) -> None:
    """Harm said plainly: a danger phrase names it (the word weights' "unsure" alone, near
    the line, is not enough)."""
    for said in sayings:
        assert read_as(said) not in (None, UNSURE), said


def test_a_cry_for_help_typed_alone_gets_help_but_help_with_homework_does_not() -> None:
    spanish = load_content([], "es")
    for said in ("help", "HELP!!!", "help me please", "please help", "I need help", "SOS"):
        assert read_as(said) == read_as(said, spanish) == "despair", said
    for said in ("ayuda", "¡¡Ayúdame!!", "socorro", "necesito ayuda", "ayuda por favor"):
        assert read_as(said) == read_as(said, spanish) == "despair", said
    no_phrase_finds_danger_in(
        "help him with his homework",
        "can you help me write to the school",
        "hi",
        "i need help with the attendance forms",
        "ayuda con los deberes",
        "necesito ayuda con el papeleo del cole",
    )


def test_a_phrase_marked_whole_matches_only_a_worry_that_is_all_of_it(
    tmp_path: Path, capsys
) -> None:
    from zoomapp.cli import main

    coach = write_pack(
        tmp_path,
        "coach.toml",
        HEADER
        + '[[decks]]\nid = "danger-despair"\nextend = true\nprompts = ["= (red alert|mayday)", "="]\n',
    )
    phrases = recogniser(load_content([coach]))
    assert phrases.find_phrase(plain("Red alert!!")).category == "despair"
    assert phrases.find_phrase(plain("red alert at work, the boss is in")) is None
    assert phrases.find_phrase(plain("so, red alert")) is None
    assert main(["pack", "check", str(coach)]) == 0
    out = capsys.readouterr().out
    assert "it holds no words to look for" in out and "red alert" not in out


def test_what_school_refusal_brings_is_not_danger_but_harm_said_alike_is() -> None:
    """The advice school refusal brings ("just drag her in") and what the school does
    (a prosecution threatened, a letter to all parents) are not danger; an adult who drags
    a child by the hair, a threat to kill, goodbye letters still get help first."""
    no_phrase_finds_danger_in(
        "husband thinks I should just drag her in",
        "my ex says we should just carry him in, I don't agree",
        "his dad reckons I need to frogmarch him to school",
    )
    no_phrase_finds_danger_in(  # and what the school does about attendance
        "our school is threatening an attendance prosecution",
        "he's missing in action every morning when it's time for shoes",
        "the head sent a letter to all parents about absence",
        "I nearly bit his head off when he said he wasn't going",
    )
    a_phrase_finds_danger_in(
        "my husband threatened to kill me if she misses another day",
        "he's gone missing, he never arrived at school",
        "she wrote letters to all of us and said goodbye",
        "my husband dragged her in by her hair",
        "my husband says he will drag her in by the hair if she refuses again",
        "dad grabbed him by the arm and dragged him to the car",
        "my partner hits him to make him go in",
    )


def test_strong_words_of_family_life_are_not_danger_but_the_same_words_meaning_harm_are() -> None:
    """Advice about smacking, toy guns, a game character killed, things that go missing,
    a bus that never came, a school that may exclude, a pillow punched, a knee bruised:
    everyday. A smack given, a real gun, a child who never arrived, a bruised arm: help."""
    no_phrase_finds_danger_in(
        "my dad keeps saying a proper smack would sort her out, I won't",
        "in my day we got the slipper, grandad says, as if that helps",
        "he got me with his nerf gun the second I walked in",
        "her character got killed again and she cried, it's only minecraft",
        "his PE kit keeps going missing from the changing room",
        "the school taxi didnt turn up so he had a reason not to go",
        "going to end things with the tutor, it isn't working",
        "I can't face one more attendance meeting",
        "what if the academy kicks him out",
        "a letter threatening us with a penalty notice came today",
        "nobody was hurt, it was just loud",
        "dice que un buen cachete lo arreglaba, yo no pienso hacerlo",
        "da patadas a un cojin cuando se enfada, se lo enseño la psicologa",
        "nos disparo con la pistola de agua en el patio",
        "se hizo daño jugando en el recreo, nada grave",
        "tiene un raspon feo en la rodilla de la bici",
        "estas reuniones me van a matar",
        "do you want to end up like your cousin, I asked him",
        "the teacher is pulling her hair out over his attendance",
        "she won't come home from her friends house before nine",
        "me mordi la lengua toda la reunion con la tutora",
        "these mornings are slowly killing me",
        "the school has kept us hanging about the timetable",
        "needed a jump start from the neighbour before the school run",
    )
    a_phrase_finds_danger_in(
        "grandad says a smack would sort her out and yesterday he hit her",
        "he pointed a real gun at me",
        "the bus came but my daughter never arrived at school",
        "i want to end it with pills tonight",
        "i cant face another day",
        "she has bruises on her arms and wont say how",
        "le da patadas al perro y a su hermana",
        "se hizo daño con una cuchilla",
        "tiene moretones en la espalda y no dice como",
        "se pasa las noches cortandose las piernas",
        "the school run is killing me and honestly i want to die",
        "my ex said he would kill me if i take the kids",
        "my husband texted hed kill me when he gets home",
        "i found her hanging in the garage",
    )


def test_harm_said_sideways_in_spanish_gets_help_and_its_figures_of_speech_do_not() -> None:
    """Food kept back until a child goes to school, cold water thrown over a child, small
    children alone all night, "so broken" with the "so", "what is the point of all this":
    help. "Kill with worry", "drowning in paperwork", "at the end of my battery", "llegar a"
    meaning to manage, a child late who has texted, stuck in traffic: everyday."""
    a_phrase_finds_danger_in(
        "si no va a la escuela no cena, se lo dije y lo cumplo",
        "le tire un vaso de agua helada en la cara para que se despertara",
        "los dejo solos en casa todo el finde cuando trabajo",
        "estoy muy destrozada, ya no puedo",
        "que sentido tiene seguir asi",
        "i poured freezing water over her to get her up",
        "casi le tiro la sopa hirviendo de la rabia que tenia",
    )
    no_phrase_finds_danger_in(
        "mi suegra me va a matar del susto con sus llamadas",
        "nos ahogamos en facturas este mes",
        "ando en las ultimas de pila, te llamo luego",
        "y si no llega a aprobar el curso",
        "no ha llegado pero ya me aviso que viene en el bus",
        "estaba re atrapada en el atasco y llegue tarde a la reunion",
    )


def test_hitting_going_on_now_and_cutting_said_another_way_get_help_and_games_do_not() -> None:
    """ "Me está pegando" (someone is hitting me now), "she cut up herself": help. Kills
    counted in a game, an aching back that is "killing me", a night shift that "killed"
    someone, a team thrashed at football, a printer to strangle, an accent that sticks:
    everyday."""
    a_phrase_finds_danger_in(
        "me esta pegando otra vez",
        "mi pareja me sigue golpeando",
        "le esta pegando a mi hija",
        "mi granddaughter cut up herself",
        "he is cutting up himself in his room",
    )
    no_phrase_finds_danger_in(
        "he killed me about twelve times on the zombie game",
        "my backs killing me after the school run",
        "me mato como nueve veces en el juego",
        "el turno de noche me mato",
        "le dieron una paliza al equipo del colegio",
        "voy a ahorcar a la impresora",
        "se me esta pegando el acento de la abuela",
    )


def test_medicine_kept_from_a_child_and_a_head_banged_over_and_over_get_help() -> None:
    """Insulin, an inhaler or medication kept from a child, and a head hit on the floor
    over and over: help. Beaten at a game, "so dead when she gets home", a teacher coaxing
    a child out, a uniform on the floor and tears: everyday."""
    a_phrase_finds_danger_in(
        "his dad doesnt give him his insulin when hes there",
        "no le dan la medicacion cuando esta con su madre",
        "se niega a darle la insulina",
        "he bangs his head on the kitchen floor over and over",
    )
    no_phrase_finds_danger_in(
        "he murdered me at mario kart, first smile all week",
        "she says her brother is so dead when he gets home",
        "es mujer muerta cuando llegue",
        "the TA is trying to coax him out of the toilets",
        "shoes on the floor and im already crying at 7am",
        "el uniforme tirado en el suelo y yo ya llorando",
    )
    a_phrase_finds_danger_in(
        "im on the kitchen floor crying", "estoy en el suelo de la cocina llorando"
    )


def test_the_words_of_games_and_screens_are_everyday_but_fainting_from_hunger_is_not() -> None:
    """A character bleeding out, "shoot him" yelled in a game, a laptop or a chat that is
    dead, a fight that "nearly killed me", a school portal that "killed" an afternoon:
    everyday. A child who faints on a few hundred calories: help."""
    no_phrase_finds_danger_in(
        "his character keeps bleeding out and he rages about it",
        "hes on fortnite yelling kill him kill him at his mates",
        "she says all her group chats are dead now",
        "my son says his controller died mid game",
        "the bedtime fight nearly killed me lol",
        "el portal del colegio me mato la tarde",
    )
    a_phrase_finds_danger_in(
        "shes eating like 300 calories a day and she fainted at the bus stop",
        "she says she wants to be dead",
        "he is bleeding out on the bathroom floor",
        "my husband nearly killed me",
    )


def test_short_words_of_purging_or_leaving_get_help_and_a_mum_who_will_kill_me_does_not() -> None:
    """ "Shes purging", a bag packed and gone (in Spanish too): help. A mum or a teacher
    who will "kill me", hurt skateboarding, "qué vergüenza, me quiero morir": everyday."""
    a_phrase_finds_danger_in(
        "shes purging every nite",
        "mi hijo hizo la mochila y se fue",
        "lo saque de la cama arrastrandolo de los pies",
        "he hurts himself on purpose",
        "me quiero morir",
        "my husband will kill me",
    )
    no_phrase_finds_danger_in(
        "my mums going to kill me",
        "the teacher will kill me if he forgets his pe kit again",
        "what if he hurts himself skateboarding",
        "que verguenza me quiero morir jaja",
        "the purge is on tv again",
    )


def test_a_second_languages_words_for_harm_get_help_and_its_idioms_do_not() -> None:
    """ "I shaked him" as a learner writes it: help. A teacher who "kills me", a water
    pistol, "la maestra va a matarme", a mother-in-law who will bury us all: everyday."""
    a_phrase_finds_danger_in("yesterday I shaked him very strong", "he shot me")
    no_phrase_finds_danger_in(
        "if im late again to the pick up the teacher kills me",
        "he shot me with the water pistol in the garden",
        "la maestra va a matarme, olvide firmar la autorizacion",
        "mi suegra nos va a enterrar a todos, tiene 90 años",
    )


def test_violence_and_control_at_home_said_quietly_get_help() -> None:
    """Rows that "get a bit physical", not allowed out alone, a phone checked every night,
    being watched at the school gate, a pot thrown, no reason to wake up: help. A match
    that got physical, a son who won't let me help with homework: everyday."""
    a_phrase_finds_danger_in(
        "things get a bit physical when we argue about the school",
        "im not allowed to go to parents evening on my own",
        "he checks my phone every night",
        "las cosas se ponen un poco fisicas cuando discutimos",
        "no me deja ir sola a las reuniones del colegio",
        "me revisa el cel todas las noches",
        "mi ex se queda en la puerta del colegio vigilandome",
        "me tiro la olla cuando le dije que habia llamado la orientadora",
        "si me quitan a los niños no le veo sentido a despertarme",
    )
    no_phrase_finds_danger_in(
        "the match got a bit physical but he loved it",
        "my son wont let me help with his homework",
    )


def test_coercive_control_as_it_is_lived_gets_help() -> None:
    """Threats made through social services or the children, money and a phone taken,
    calls on speaker, friends given up, a door blocked, children hiding when he starts:
    help. A toddler who broke my phone: everyday."""
    a_phrase_finds_danger_in(
        "he says he'll ring social services and tell them I'm unfit",
        "my husband smashed my phone because the school kept ringing",
        "he has to be on speaker for every call i make",
        "he made me choose between him and my best friend",
        "dice que si vuelvo a casa de mi hermana llama a servicios sociales",
        "mi esposo me quita la tarjeta y me da 200 pesos a la semana",
        "me lee todos los mensajes que le mando a la tutora",
        "tuve que borrar a todas mis amigas del face",
        "se puso en la puerta de la cocina y no me dejo salir",
        "mi hijo se esconde en el armario cuando su papa empieza a gritar",
    )
    a_phrase_finds_danger_in("no se que hago aqui todavia", "no se para que sigo viva")
    no_phrase_finds_danger_in("the toddler broke my phone again")


def test_getting_ill_on_purpose_to_be_sent_home_is_self_harm_but_nerves_are_not() -> None:
    """A child who starves, goes without water, eats what they are allergic to or drinks
    salt water to be sent home is hurting themself; food kept back as a punishment, or a
    child dragged out of bed by the hair, is harm. Nerves, doctors and haircuts are not."""
    a_phrase_finds_danger_in(
        "she eats things shes allergic to on purpose so she comes out in a rash",
        "my son is not eating since 4 days deliberately",
        "he wont drink anything so he faints in assembly and gets sent home",
        "toma agua con sal para vomitar las mañanas de escuela",
        "no toma agua para marearse",
        "my husband wont let her eat if she doesnt go to school",
        "mi pareja lo saca de la cama de los pelos cada mañana de colegio",
    )
    no_phrase_finds_danger_in(
        "he won't let her eat sweets before dinner",
        "he gargles salt water for his sore throat",
        "no quiere comer por los nervios, el pediatra dice que es normal",
        "the gp says she's allergic to nuts, we found out by accident",
        "le corté el pelo a la niña y lloró",
        "she's not eating much, she's nervous about the trip",
    )


def test_purging_and_hidden_laxatives_are_self_harm_but_worry_sickness_is_not() -> None:
    """An eating disorder hurts as self-harm does: purging is met with help, in both
    languages, while being sick with worry, or laxatives a doctor gave, are not."""
    spanish = load_content([], "es")
    for said in (
        "he makes himself throw up after every meal",
        "found diet pills hidden under her mattress",
        "mi hija se provoca el vomito cuando cree que no la veo",
        "toma laxantes a escondidas desde hace meses",
    ):
        assert read_as(said) == read_as(said, spanish) == "suicide", said
    for said in (
        "she makes herself sick with worry every sunday night",
        "he cries so hard he makes himself sick every night",
        "the gp gave him laxatives",
        "el embarazo me provoca vomitos todas las mananas",
    ):
        assert read_as(said) is None, said


def test_nothing_mattering_any_more_is_despair_but_caring_less_about_school_is_not() -> None:
    for said in (
        "honestly nothing matters anymore",
        "nothing feels worth it any more",
        "ya nada vale la pena",
        "ya todo me da igual",
        "ya no me importa nada, ni yo",
    ):
        assert read_as(said) == "despair", said
    for said in ("todo me da igual lo que cenemos", "me da igual lo que piense la escuela"):
        assert read_as(said) is None, said


def test_a_plan_made_a_decision_taken_or_a_threat_shouted_gets_help() -> None:
    """What a clinician hears as a warning, said without the usual words - and the same
    words about a party, a school change or a mother's temper, which no phrase takes for
    danger (the word weights, near the line, may still offer help first)."""
    for said, category in (
        ("si no fuera por mis hijas ya me hubiera matado", "suicide"),
        ("ya esta todo planeado, solo me falta valor", "suicide"),
        ("tome la decision de acabar con todo", "suicide"),
        ("mi hijo dice q no piensa llegar a los 18", "suicide"),
        ("su padrastro grita q la va a matar", "harm-by-others"),
        ("everything is ready, i just need the nerve", "suicide"),
        ("she says she won't live past 16", "suicide"),
        ("si me atropella un camion me daria igual", "despair"),
    ):
        assert read_as(said) == category, said
    no_phrase_finds_danger_in(
        "ya esta todo planeado para el cumple de mi hija",
        "tome la decision de cambiarla de escuela y me siento en paz",
        "si no fuera por los ninos ya me habria ido de casa hace anos",
        "mi pareja me va a matar cuando sepa que choque el coche",
        "its all sorted, the place and the date for the wedding",
        "i wont make it to her birthday party because of work",
        "mi mama me va a matar cuando se entere",
        "it's all sorted for the school trip",
    )


def test_a_threat_a_last_note_or_a_drunk_school_run_gets_help_in_plain_words() -> None:
    """Said in passing, often in the middle of a long night's message - and the same words
    about football, a life that is merely tiring, or a party, which no phrase takes for
    danger."""
    for said, category in (
        ("she said she'll throw herself down the stairs if i make her go", "suicide"),
        ("estoy agotada de estar viva", "suicide"),
        ("dejo una carta diciendo que asi ya no seremos una carga", "suicide"),
        ("he's obsessed with dying since grandad", "suicide"),
        ("my kid said she wishes the crash had killed her", "suicide"),
        ("i drove the kids to school still drunk", "harm-to-child"),
        ("lleve a los ninos al colegio todavia borracha", "harm-to-child"),
        ("le dispararon a mi hijo saliendo de la escuela", "harm-by-others"),
        ("me mato con pastillas", "suicide"),
    ):
        assert read_as(said) == category, said
    no_phrase_finds_danger_in(
        "she throws herself into football",
        "estoy agotada de la vida que llevo con este horario",
        "she's obsessed with the death star lego",
        "i drove them to the party and my husband got drunk there",
        "what if the attendance officer turns up and i die of embarrassment",
        "la directora me disparo veinte preguntas seguidas",
        "salio como bala del auto cuando vio a su amiga",
        "me mate haciendole el disfraz y al final no fue",
        "la directora me mato con la mirada",
    )


def test_a_child_beaten_by_an_adult_is_never_taken_for_a_lost_match() -> None:
    """An everyday phrase for a heavy defeat ("got beaten 3 nil") once reached as far as
    "by", and so excused "he got beaten by his dad": help must come first there, while a
    lost match, or a kick from a horse, is not danger."""
    for said in (
        "he got beaten by his dad",
        "she was beaten by her stepfather",
        "he was battered by his mum's boyfriend",
        "my son got beaten up at the bus stop",
    ):
        assert read_as(said) == "harm-by-others", said
    no_phrase_finds_danger_in(
        "we got beaten 3 nil at football",
        "they got thrashed by 20 points",
        "he got kicked by a horse at the farm",
        "there was blood on his knee after rugby",
        "i can't stop crying at the school gate",
    )


def test_an_everyday_phrase_with_a_gap_never_excuses_the_danger_inside_it() -> None:
    """An everyday phrase may let words come between its parts ("the washing ... hanging");
    one reached too far, and excused what it was never for: a drawing of a child hanging,
    a blow to the head, pills searched "to die", a husband's threat, a deliberate cut. Each
    now gets help, and what the phrase was for still does not."""
    for said, category in (
        ("his teacher said he drew a picture of himself hanging from a tree", "suicide"),
        ("i hit him on the head", "harm-to-child"),
        ("he hit me over the head with a pan", "harm-by-others"),
        ("been hitting myself in the head after drop off", "suicide"),
        ("found she searched how many sleeping tablets to die", "suicide"),
        ("she asked who would look after her cat if she died", "suicide"),
        ("mi marido dice que me mata si le cuento a alguien", "harm-by-others"),
        ("hoy me corte con el cuchillo de la cocina a proposito", "suicide"),
    ):
        assert read_as(said) == category, said
    no_phrase_finds_danger_in(
        "the pictures are hanging in the hall",
        "since his grandad died he won't go to school",
        "my phone died so i couldn't ring the school",
        "his pe kit is missing again",
        "she hurt her back lifting the washing basket",
        "she hit the nail on the head",
        "he hit his head on the table",
        "mi mama dice que me mata si le cuento a mi papa",
        "cortando el pan con el cuchillo me corte un dedo",
        "se me murio el celular",
    )


def test_a_note_a_prescription_or_a_wish_to_stop_gets_help() -> None:
    """Signs told plainly but without the usual words: a note for whoever finds him, a
    whole prescription, a child seen cutting; a parent "dead while alive", wishing a heart
    attack on herself, sure nobody would notice - despair, near the line, gets help first.
    And the same words about keys, a fringe, a phone or a dog, which no phrase takes."""
    for said, category in (
        ("theres a file on his laptop called for whoever finds me", "suicide"),
        ("what if one night i just take the whole prescription", "suicide"),
        ("whats the least painful way. asking for me", "suicide"),
        ("i should just remove myself from the equation", "suicide"),
        ("made my best mate promise to take dd if im not around", "suicide"),
        ("i saw her cutting in the bathroom through the gap in the door", "suicide"),
        ("if i die nobody will notice", "despair"),
        ("me siento muerta en vida", "despair"),
        ("ojala me agarre un infarto y ya", "despair"),
        ("si yo muero nadie va a notar", "despair"),
        ("se perdio mi hijo menor en la feria", "missing"),
        ("me llamo la escuela porque falto hoy, pero yo lo deje en la puerta a las 8", "missing"),
        ("school says shes been marked absent all week but ive dropped her at the gate", "missing"),
        ("mi marido me arrastro por el pelo por el pasillo", "harm-by-others"),
    ):
        assert read_as(said) == category, said
    no_phrase_finds_danger_in(
        "whoever finds my keys gets a prize",
        "he was absent on friday and i took him to the dentist",
        "falto hoy porque tenia fiebre, lo deje en casa con la abuela",
        "the least painful way to pull a tooth",
        "we're ready to go, just need to find his shoes",
        "caught her cutting her fringe in the bathroom",
        "se me perdio el celular en el colectivo",
        "se perdio el perro del vecino",
    )


def test_everyday_phrases_keep_to_the_idiom_they_were_written_for() -> None:
    """A review of every everyday phrase found more that covered real danger: a story
    "about suicide", a pillow over a face, a threat while the baby cries, "my husband will
    kill me", a child who never came home from school. Each now gets help; the film, the
    duvet, the towel on the floor and the chess game still do not."""
    a_phrase_finds_danger_in(
        "her story on instagram talks about suicide",
        "saca el tema del suicidio todo el tiempo",
        "en su movil busco como suicidarse",
        "at the party he wished he was dead",
        "she says she would rather die than eat",
        "he put a pillow over her face",
        "i will drown her if she doesnt stop screaming",
        "he beat them in the car",
        "my husband will kill me",
        "im scared im going to die if i stay with him",
        "mi hijo no vino del colegio hoy",
        "mi hija se quema con la plancha cuando esta triste",
        "se me fue la mano con el niño y le deje marcas",
        "the gp says she took 40 tablets",
        "he nearly killed her when she told him no",
    )
    no_phrase_finds_danger_in(
        "we watched a film about a shooting",
        "he pulled the duvet over his head and refused to get up",
        "ill kill him if he leaves his towel on the floor again",
        "he always beats me at chess",
        "my husband is going to kill me for buying another fidget toy",
        "she would rather die than eat broccoli",
        "no vino al colegio porque estaba enfermo",
        "me queme con el sol en la playa",
        "se me fue la mano con la sal",
        "he took 20 minutes to get dressed",
        "she nearly killed me with the hug when i picked her up",
    )


def test_purging_a_whole_box_hurting_again_or_not_being_here_gets_help() -> None:
    """Told in plain words a new set of parents used: purging after dinner, clothes
    hanging off a starving child, a whole box taken, "volví a cortarme", "si ya no
    estuviera", something thrown at someone, a child left in the car for hours. And what
    the same words say on an ordinary day - a haircut, a stomach bug, a box of lego, a
    meeting the parent will miss - is not danger; nor a tutor, a busy cafe, rugby bruises,
    a cooking class's knives or being dragged to school, which raised alarms before."""
    for said, category in (
        ("I hear her making herself sick after dinner", "suicide"),
        ("her school uniform is hanging off her", "suicide"),
        ("the doctor gave him paracetamol and he took the whole box", "suicide"),
        ("she took the whole box and went to bed", "suicide"),
        ("me da vergüenza pero volví a cortarme", "suicide"),
        ("vomita después de cada comida", "suicide"),
        ("vomita lo poco que come", "suicide"),
        ("me preguntó si me pondría triste si él ya no estuviera", "suicide"),
        ("creo que la solución es que yo no esté", "suicide"),
        ("mi marido me tiró un plato delante de los niños", "harm-by-others"),
        ("los abuelos lo dejan solo en el carro por horas", "harm-to-child"),
    ):
        assert read_as(said) == category, said
    no_phrase_finds_danger_in(
        "me volví a cortar el pelo",
        "tiene gastroenteritis y vomita todo lo que come",
        "he made himself sick after eating too many sweets",
        "he took the whole box of lego to school",
        "la solución es que no esté el papá en la reunión",
        "whats the point of the tutor if he wont open the door to her",
        "he cant even cope with a busy cafe",
        "hes got a black eye from rugby training",
        "theyre using the proper knives in food tech this term",
        "he's missing more than he's there",
        "he gets in trouble for hanging round the park in school hours",
        "cortaba cebolla con el cuchillo grande como un chef",
        "tuve que arrastrarlo al colegio otra vez",
        "tiene un ojo morado del rugby",
    )
    a_phrase_finds_danger_in(
        "he dragged her in by the hair", "me amenazó con el cuchillo de la cocina"
    )


def test_a_harm_named_beside_despair_is_the_harm_the_answer_speaks_to() -> None:
    for said, category in (
        ("i cant cope any more and im scared ill hit him", "harm-to-child"),
        ("ya no puedo mas y tengo miedo de pegarle", "harm-to-child"),
        ("i can't go on, i keep thinking about killing myself", "suicide"),
    ):
        assert read_as(said) == category, said


def test_despair_gets_help_first_and_kind_words_after(capsys) -> None:
    from zoomapp.cli import main

    code = main(["--country", "GB", "whatif", "I can't do this anymore"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines[0].startswith("That sounds like more than anyone should carry alone")
    assert any("116 123" in line for line in lines[:5])
    kind = set(load_content().decks["worry-now"].prompts)
    assert lines[-1] in kind  # reassurance never comes alone, and never first


def test_whatif_in_the_shell_in_plain_text_and_json(zoomapp_home: Path) -> None:
    add_number(numbers_file(zoomapp_home), "My sister", "07700 900123")
    save_plan(zoomapp_home, {"call": "My sister\nThe GP", "safe": "Pills locked away"})
    done = zoomapp(zoomapp_home, "whatif", "what if I lose it and hit him")
    assert done.returncode == 0 and done.stderr == ""
    lines = done.stdout.splitlines()
    assert "Call your local emergency number now" in lines[1]
    assert lines.index("Emergency: 999") < lines.index("My sister: 07700 900123")
    assert lines.index("My sister: 07700 900123") < lines.index("Samaritans: 116 123")
    assert "Who I can call: My sister; The GP" in lines  # the plan, right under the numbers
    assert "Making home safe: Pills locked away" in lines
    done = zoomapp(
        zoomapp_home, "--lang", "es", "whatif", "--json", "--country", "MX", "y si se mata"
    )
    said = json.loads(done.stdout)
    assert said["kind"] == "danger" and "Emergencias: 911" in said["lines"]
    assert said["category"] == "suicide" and said["because"]  # which phrase, so it explains
    done = zoomapp(zoomapp_home, "whatif", "--json", stdin="what if he never goes back to school\n")
    assert json.loads(done.stdout)["kind"] == "future"
    drafts = zoomapp_home / "drafts"
    assert not drafts.exists() or not list(drafts.iterdir())  # nothing typed is kept


def test_whatif_refuses_what_it_cannot_answer_in_one_line(zoomapp_home: Path) -> None:
    for args, stdin in ((("whatif",), ""), (("whatif", "--country", "Britain", "x"), "")):
        done = zoomapp(zoomapp_home, *args, stdin=stdin)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_the_shell_speaks_the_locales_language_until_settings_are_saved(
    zoomapp_home: Path,
) -> None:
    done = zoomapp(zoomapp_home, "whatif", "y si se quiere quitar la vida", lang="es_ES.UTF-8")
    assert "Emergencias: 112" in done.stdout.splitlines()
    assert "Call" not in done.stdout  # all of it in Spanish, as the app's first frame is
    save_settings(Paths(zoomapp_home, zoomapp_home).settings_file, Settings(language="en"))
    done = zoomapp(zoomapp_home, "whatif", "y si se quiere quitar la vida", lang="es_ES.UTF-8")
    assert "Emergency: 112" in done.stdout.splitlines()  # the language the parent chose


def test_a_computer_with_no_country_still_says_what_to_do(zoomapp_home: Path) -> None:
    done = zoomapp(zoomapp_home, "whatif", "she wants to die", lang="C.UTF-8")
    assert "Call your local emergency number now" in done.stdout
    assert "zoomapp help --countries" in done.stdout


async def test_the_danger_answer_fits_40x12_and_scrolls_to_every_line(
    paths: Paths, clock: FakeClock
) -> None:
    add_number(numbers_file(paths.data_dir), "My sister", "07700 900123")
    save_plan(paths.data_dir, {"signs": "Not sleeping", "safe": "Medicines locked away"})
    app = make_app(paths, clock, Start("zoom-out"))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("w")
        await type_text(pilot, "what if she hangs herself")
        await pilot.press("enter")
        await pilot.pause()
        answer = app.screen.query_one("#worry-answer", VerticalScroll)
        assert app.screen.query_one(Input).region.bottom <= answer.region.y
        assert answer.has_focus and answer.region.bottom <= 11  # above the key bar
        first = app.screen.query_one("#worry-reply").render_lines(answer.region)
        on_screen = "\n".join(strip.text for strip in first)
        assert "Emergency: 999" in on_screen  # no scrolling needed for the number
        lines = str(app.screen.query_one("#worry-reply").render()).splitlines()
        assert "Making home safe: Medicines locked away" in lines
        for _ in range(30):
            await pilot.press("down")
        assert answer.scroll_y == answer.max_scroll_y > 0  # the last line can be reached
        assert app.screen.stopwatch.paused  # the prompts wait while help is read
        step = app.screen.run.index
        await pilot.press("right", "right", "p")  # no key moves the hidden session on
        assert app.screen.run.index == step and app.screen.stopwatch.paused
        await pilot.press("escape")  # puts the help away: back to the session, still paused
        assert isinstance(app.screen, ZoomScreenView)
        assert not app.screen.has_class("-danger-shown")
        assert app.screen.query_one("#prompt").display


async def test_the_safety_plan_is_written_kept_private_and_shown(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, HelpScreen)
        assert "Press p to write it" in str(app.screen.query_one("#my-plan").render())
        await pilot.press("p")
        assert isinstance(app.screen, SafetyPlanScreen)
        await type_text(pilot, "Shouting at everyone")
        await pilot.press("enter")  # on to what I can do
        await type_text(pilot, "Cold water, a walk")
        await pilot.press("tab", "tab", "tab")  # to making home safe
        assert app.screen.focused.id == "plan-safe"
        await type_text(pilot, "Car keys with my partner")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("#my-plan").render())
        assert "Warning signs: Shouting at everyone" in shown
        assert "Making home safe: Car keys with my partner" in shown
        keys = {binding.action for _, binding, *_ in app.screen.active_bindings.values()}
        assert {"back", "plan", "app.choose_country"} <= keys  # its keys still work
    saved = plan_file(paths.data_dir)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert load_plan(paths.data_dir)["cope"] == "Cold water, a walk"
    assert not list(paths.drafts_dir.glob("plan-*"))  # saved: no drafts left behind


async def test_a_plan_left_unsaved_comes_back_next_time(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "p")
        await type_text(pilot, "Not sleeping")
        await pilot.press("escape")  # leaves, keeping the words
    again = make_app(paths, clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "p")
        assert again.screen.query_one("#plan-signs", NoteBox).text == "Not sleeping"
    assert not plan_file(paths.data_dir).exists()  # a draft is not a saved plan


def test_the_plan_is_printed_by_zoomapp_help(zoomapp_home: Path) -> None:
    done = zoomapp(zoomapp_home, "help")
    assert "My safety plan" in done.stdout and "Not written yet" in done.stdout
    save_plan(zoomapp_home, {"places": "My neighbour's kitchen"})
    done = zoomapp(zoomapp_home, "help")
    assert "  People and places that help: My neighbour's kitchen" in done.stdout.splitlines()


@pytest.mark.parametrize("part", ["signs", "safe"])
def test_a_part_far_too_long_is_refused_and_nothing_is_written(zoomapp_home: Path, part) -> None:
    with pytest.raises(ValueError):
        save_plan(zoomapp_home, {part: "x" * 3000})
    assert not plan_file(zoomapp_home).exists()


def test_pack_check_warns_of_a_phrase_that_can_never_match(tmp_path: Path, capsys) -> None:
    from zoomapp.cli import main

    coach = write_pack(
        tmp_path,
        "coach.toml",
        HEADER
        + '[[decks]]\nid = "danger-suicide"\nextend = true\n'
        + 'prompts = ["goes to the quarry", "hurt* {kid}", "(a (b|c))"]\n',
    )
    assert main(["pack", "check", str(coach)]) == 0  # warnings: the pack still works
    out = capsys.readouterr().out
    assert f"{coach}:10:" in out and "there is no deck 'words-kid' for {kid}" in out
    assert "its brackets do not pair up" in out and "goes to the quarry" not in out


def test_pack_check_warns_of_such_a_phrase_in_a_copy_of_a_built_in_pack(
    tmp_path: Path, capsys
) -> None:
    """A coach who edits a copy of the built-in pack (kept under its id) is told too."""
    from zoomapp.cli import main

    builtin = (Path(__file__).parent.parent / "content" / "en.toml").read_text()
    marker = 'id = "danger-except"\ntitle = "Everyday phrases"\nprompts = [\n'
    assert marker in builtin
    copy = tmp_path / "en.toml"
    copy.write_text(builtin.replace(marker, marker + '  "(dead (tired|beat)",\n', 1))
    assert main(["pack", "check", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "this phrase can never match: its brackets do not pair up" in out
    assert main(["pack", "check", str(Path(__file__).parent.parent / "content")]) == 0
    assert "never match" not in capsys.readouterr().out


def test_every_built_in_phrase_can_match() -> None:
    from zoomapp.core.practice.worries import unmatchable

    for language, pack_id in (("en", "builtin"), ("es", "builtin-es")):
        assert unmatchable(load_content([], language), pack_id) == []


def test_an_everyday_phrase_excuses_only_what_lies_inside_it() -> None:
    content = load_content()
    assert danger_in("the pills the doctor gave him make him sleepy", content) is None
    assert danger_in("he took all the pills the doctor gave him", content) is not None
    assert danger_in("she swallowed all her tablets, the ones the gp prescribed", content)


def test_the_words_in_an_everyday_phrases_gap_are_still_weighed() -> None:
    """An everyday phrase hides its own words from the weighing, not the words its gap let
    in: those were never what made it everyday."""
    reader = recogniser(load_content())
    kept = reader.set_aside(plain("the pills i hoarded from the doctor"))
    assert "i hoarded from the" in kept
    assert "pills" not in kept and "doctor" not in kept
    assert reader.set_aside(plain("dead tired")).strip() == "#### #####"


def test_a_coach_pack_can_add_to_the_safety_net_but_never_silence_it(tmp_path: Path) -> None:
    coach = write_pack(
        tmp_path,
        "coach.toml",
        HEADER
        + '[[decks]]\nid = "danger-suicide"\nprompts = ["goes to the quarry", "(really)?"]\n'
        + '[[decks]]\nid = "danger-harm-by-others"\nenabled = false\n'
        + '[[decks]]\nid = "danger-except"\nprompts = ["(just)? ..."]\n',
    )
    content = load_content([coach])
    assert danger_in("what if she hangs herself", content).category == "suicide"  # kept
    assert danger_in("my husband hits me", content).category == "harm-by-others"  # not off
    assert danger_in("goes to the quarry", content).category == "suicide"  # added
    assert danger_in("what if he never goes back to school", content) is None  # no catch-all


def test_a_damaged_plan_is_said_and_set_aside_before_a_new_one_is_saved(
    zoomapp_home: Path,
) -> None:
    from zoomapp.core.practice.safety_plan import plan_unreadable

    plan_file(zoomapp_home).write_text("signs = 'Not sleeping\n")  # a hand edit gone wrong
    assert plan_unreadable(zoomapp_home) and load_plan(zoomapp_home)["signs"] == ""
    save_plan(zoomapp_home, {"signs": "Shouting"})
    kept = list(zoomapp_home.glob("safety-plan.unreadable-*.toml"))
    assert len(kept) == 1 and kept[0].read_text() == "signs = 'Not sleeping\n"
    assert load_plan(zoomapp_home)["signs"] == "Shouting"


def test_a_worry_too_long_is_refused_in_one_line(zoomapp_home: Path) -> None:
    done = zoomapp(zoomapp_home, "whatif", stdin="what if " * 2000)
    assert done.returncode == 2 and "a worry here holds up to 5,000" in done.stderr


def test_being_followed_found_and_threatened_after_separation_gets_help() -> None:
    """An ex parked outside a new address, driving past again and again, whispering what
    he will do, blocking a car in, children not brought back from a holiday: help. Late
    pick-ups, a changed lock and a holiday that ends on Sunday: everyday."""
    a_phrase_finds_danger_in(
        "i moved house and changed my number and somehow he was parked outside my new flat this morning",
        "my ex drives past the house five or six times every night now",
        "she says she will follow me wherever i go, i cant get away",
        "at the school fair he whispered what he would do to me when the kids were asleep",
        "he blocked my car in after contact and screamed at me through the window",
        "he took the kids on holiday and hasnt brought them back, his phone is off",
        "mi ex pasa por la casa diez veces al dia despacito mirando",
        "cambie la cerradura pero igual me encontro en la casa nueva",
        "dice que si le quito la custodia me lo va a hacer pagar",
        "nunca me va a dejar en paz, me lo dijo anoche",
        "las entregas las hacemos en la comisaria por lo que paso",
        "se llevo a los niños de vacaciones y no volvieron en la fecha",
    )
    no_phrase_finds_danger_in(
        "my ex is always late for pick up and it drives me mad",
        "he drives past the school on his way to work so he drops them off",
        "i changed my number because of spam calls",
        "we blocked the car in by accident at the school run",
        "cambiamos la cerradura porque se rompio la llave",
        "nos vamos de vacaciones y volvemos el domingo",
    )


def test_control_and_sexual_coercion_at_home_asked_about_quietly_get_help() -> None:
    """Names called in front of the children, a job given up on his say, every receipt
    checked, "his right" after a no, clothes thrown out, marks on a neck, made to sleep in
    the car, permission to buy nappies, a pregnant belly hit: help. Receipts kept by
    agreement, a job given up to care for a child, a teenager's insult, a child's tantrum
    on the floor, a boss's permission: everyday."""
    a_phrase_finds_danger_in(
        "he calls me a useless cow in front of the kids every day",
        "made me give up my job when the twins were born",
        "he says the money is his because he earns it and checks every receipt",
        "my husband says its his right as a husband even when i say no",
        "he forced himself on me again and i dont know who to tell",
        "he threw out all my clothes because he says i dress like a slut",
        "what do i say at the school if they see the marks on my neck",
        "he made me and the baby sleep in the car because dinner was late",
        "i have to ask his permission to buy nappies",
        "tengo que pedirle permiso para ir a ver a mi mama",
        "mi marido me prohibio trabajar cuando nacio el nene",
        "le dije que no y siguio igual, no se si eso es normal",
        "delante de los niños la tiro al piso de un empujon",
        "despues de pegarme se pone a llorar y me pide perdon",
        "estando embarazada me pego en la panza",
        "me tiene contado cada peso y le tengo que dar el ticket de todo",
    )
    no_phrase_finds_danger_in(
        "she threw out all the old clothes that dont fit him anymore",
        "we agreed i keep the receipts because we are saving for a holiday",
        "i gave up my job to look after him when he stopped going to school",
        "my son calls me useless when i take his phone, teenagers",
        "the kids fought about who sleeps in the top bunk",
        "mi ex llega tarde siempre a buscar a los niños",
        "mi hijo se tiro al suelo en el super haciendo berrinche",
        "le pido permiso a mi jefe para salir antes por la reunion del cole",
        "la nena se cayo y se pego en la panza, pero ya esta bien",
    )


def test_neglect_and_violence_told_sideways_get_help() -> None:
    """A baby not fed, children left with a younger child to go to the pub, a fever not
    taken to a doctor, a cover story told to a nurse, hiding in the bathroom, marks on a
    back, an arm burnt with an iron: help. A lunch forgotten, an hour at the pub while a
    grandmother minds them, a cold that passed, a team thrashed, a phone thrown in a
    tantrum, homework that 'burnt my head': everyday."""
    a_phrase_finds_danger_in(
        "i keep forgetting to feed the baby, some days i just dont",
        "we go to the pub on fridays and leave them with the 8 year old in charge of the baby",
        "she had a fever for days and i didnt take her to the doctor in case they ask questions",
        "mi nena de 5 años se queda solita en la casa toda la tarde",
        "tenia fiebre de 40 y no la llevamos al doctor porque el papa no quiso",
        "no le doy de comer hace dos dias por portarse mal",
        "me voy de fiesta y los dejo solos con el de 7",
        "told the nurse i walked into a door, same as last time",
        "the gp asked if i feel safe at home and i lied",
        "we hid in the bathroom with the lights off until he fell asleep",
        "i freeze when i hear the sound of his car on the drive",
        "le dije a la maestra que fue alergia lo del ojo",
        "me dejo la espalda morada y despues me hizo el desayuno",
        "me quemo el brazo con un cigarro porque llegue tarde",
    )
    no_phrase_finds_danger_in(
        "i keep forgetting to pack his lunch",
        "we left the kids with my mum and went to the pub for an hour",
        "she had a cold and i didnt take her to the doctor, it passed",
        "nos dieron una paliza en el partido del sabado",
        "tiro el celular contra la pared en plena rabieta",
        "la tarea me quemo la cabeza",
    )


def test_a_sick_child_kept_from_a_doctor_and_control_in_a_learners_words_get_help() -> None:
    """A floppy, feverish child a grandmother will not take in; mouths taped shut; a
    classmate who talks of hanging himself; "he dont let me work"; neighbours who called
    the police again; slaps; "at night he makes me pay": help. A toddler's kicks in the
    womb, a bank's charge, a party next door: everyday."""
    a_phrase_finds_danger_in(
        "my mum minds him and she wont take him to the doctor even though hes burning up",
        "the dinner lady tapes kids mouths when they talk",
        "un compañero de mi hija habla de colgarse en el grupo",
        "he dont let me work or see my friends",
        "llamaron los vecinos a la policia otra vez por los gritos",
        "si le contesto me mete cachetadas",
        "si llego tarde en la noche me lo cobra",
    )
    no_phrase_finds_danger_in(
        "el bebe me da patadas toda la noche",
        "me lo cobra el banco a fin de mes",
        "llamaron los vecinos a la policia por la fiesta de al lado",
    )


def test_a_childs_tantrum_a_game_and_a_parcel_in_strong_words_are_everyday() -> None:
    """A four-year-old's kick, a slammed door, "he'll be the death of me", "bored to
    death", a remote "kidnapped", a parcel "stalked", a plan for the trip money, beaten at
    Mario Kart, "un testamento" of a message: no phrase reads danger. The same words in
    earnest still get help."""
    no_phrase_finds_danger_in(
        "my 4yo kicked me in the shin at the school gate, ouch",
        "he slammed his door so hard it came off the hinge",
        "hes going to be the death of me this week",
        "she says shes bored to death of online lessons",
        "my son kidnapped the remote again",
        "ive been stalking this parcel all morning",
        "we made a plan for the school trip money",
        "she says daddy always beats mummy at mario kart",
        "mi ex me mando un testamento por whatsapp sobre las vacaciones",
        "mi nene de 4 me pateo en plena pataleta",
    )
    a_phrase_finds_danger_in(
        "my husband kicked me in front of the kids",
        "he has a plan to kill himself",
        "my ex is stalking me",
        "papi le pega a mami",
        "he slammed the door so hard it hit her face",
    )


def test_harm_told_in_a_few_words_or_by_what_hands_did_gets_help() -> None:
    """Violence at home, a child hurt or left by those who care for them, and a parent's
    fear of their own hands, told in a few words or by a detail: each is named by a
    phrase, in English and in Spanish."""
    a_phrase_finds_danger_in(
        "he locked us out again, the kids were in their pyjamas",
        "hiding in the bathroom while hes kicking the door",
        "he's drunk and banging the door because of the school fine",
        "my partner bent my finger back until it cracked",
        "her stepdad makes her sleep on the floor on school nights",
        "my mother in law puts hot sauce in his mouth when he swears",
        "i held back her seizure meds to teach her a lesson",
        "left the baby alone in the car while i walked off",
        "llevamos cuatro días sin poder salir de la casa",
        "se lleva las llaves al trabajo para que no salga",
        "no fui a buscarla al colegio porque estaba borracha",
        "la abuela le echa chile en la boca si dice groserías",
        "hace ayunos de tres días y se pesa diez veces al día",
        "se está dejando morir de hambre",
        "llamaron del colegio q nunca entró",
        "se ha escapado de casa otra vez",
        "ya no es un grito, ayer fue un golpe",
        "la bajé del columpio de un tirón y se golpeó",
        "se me viene la idea de soltarla en la bañera",
        "las manos me pedían darle y salí al patio",
        "cuando no se viste acabo dándole golpes",
        "me preguntó cómo se hace para morirse",
    )


def test_school_refusal_grief_games_and_jokes_in_strong_words_are_everyday() -> None:
    """Breaking point with the SENCO, a residential he can't go on, shot in the school
    play, dinners that are poison, coffin memes, a phone charger fought over, late but has
    texted, murdered at Mario Kart, a toddler's whack with a toy, a goldfish gone to heaven:
    no phrase reads danger. The same words in earnest still get help - and a parent's urge
    to hurt their child gets help even said with love."""
    no_phrase_finds_danger_in(
        "im at breaking point with the senco again",
        "the friend group kicked her out of the chat",
        "what if he cant go on the year 6 residential",
        "hes a soldier who gets shot in act 2 of the school play",
        "she says school dinners are literally poison",
        "the new form tutor is an absolute dragon",
        "she said the prom dress was to die for",
        "he sends me coffin memes about mondays",
        "ill kill you if you touch my charger again",
        "shes not back yet but she texted from the bus",
        "this week murdered me",
        "he ran off with the last slice of pizza",
        "grandad isnt going to get better and i dont know how to tell her",
        "she asked if goldfish go to heaven",
        "my 2 year old whacked me in the face with a toy truck",
        "my daughter murdered me at mario kart",
        "she killed me with that joke about the head teacher",
        "headache after the meeting, paracetamol and bed",
        "tiene un moretón en la pierna del fútbol",
        "me atacaron en el grupo de whatsapp del curso",
        "rompió el horario y después lo pegó con cinta",
        "nos dieron una paliza en el partido del sábado",
        "te voy a matar por el cargador, le gritó a su hermana",
        "socorro, mándenme vino",
        "vimos una serie de secuestros y ahora juega a detective",
        "la nena me tiró del pelo jugando",
        "se cortó el dedo con las tijeras haciendo manualidades",
        "si mañana no va lo ahorco, mentira, le hago panqueques",
        "casi se matan por la última empanada",
    )
    a_phrase_finds_danger_in(
        "he ran off after the fight and we cant find him",
        "i want to choke him and im scared i will",
        "i want to choke him but i love him so much",
        "qué ganas de ahorcarlo, pero lo amo",
        "she says she wants to die",
        "the school rang, shes gone missing and nobody knows where",
        "se quiere matar",
        "le pegué con el cinturón",
    )


def test_grief_accidents_and_bullying_in_strong_words_are_everyday_but_harm_is_not() -> None:
    """Life insurance forms, flowers for the coffin, a dog in heaven with grandpa, a will
    made together, a hand burnt on a bunsen burner, long sleeves for eczema, "murdered on
    the pitch": no phrase reads danger. Starving, grooming into a gang, a word carved into
    the skin, "won't be here next year" and a child held down still get help."""
    no_phrase_finds_danger_in(
        "filling in life insurance forms tonight and feeling heavy",
        "the kids chose flowers for the coffin",
        "a great great uncle was hanged for sheep stealing in 1820",
        "youre literally killing me mum, she says when i sing",
        "she asked if our dog will be in heaven with grandpa",
        "he burnt his hand on the bunsen burner, first aid done",
        "long sleeves all summer because of her eczema",
        "theyll murder him on the pitch on saturday",
        "por fin hicimos testamento con mi marido",
        "está enganchado a una serie sobre una chica desaparecida",
        "usa manga larga por la dermatitis",
        "se quemó la mano con la parrilla, nada grave",
    )
    a_phrase_finds_danger_in(
        "shes weighing herself ten times a day",
        "my daughter is already underweight and still cutting meals",
        "calls from a withheld number and then he goes out late",
        "la pandilla quiere reclutar chamaquitos en la puerta",
        "se grabó en el brazo la palabra que le dicen",
        "dice que el año que viene ya no va a estar",
        "ya nadie puede hacer nada por mí",
        "cansada de todo",
        "he wouldnt go so i sat on him for half an hour",
    )


def test_harm_typed_badly_or_said_in_passing_in_a_long_worry_gets_help() -> None:
    """Words run together ("shewants todie", "yanopuedomas") and the harm in one clause of
    a long worry are named by a phrase."""
    a_phrase_finds_danger_in(
        "mydaughter says shewants todie",
        "yanopuedomas con nada",
        "his stepdad holds him under the cold shower when he wont get dressed",
        "i feel like theres no road left and the tank is empty",
        "lo mete debajo de la ducha fría cuando no se quiere vestir",
        "dejé sola a la de seis años todo el día con la tele",
        "vi que buscó cuánto tarda una persona en ahogarse",
        "me quedo en el garaje con la puerta cerrada y el motor prendido",
        "se rasca los brazos hasta que sangra",
        "tiene cortaditas en las muñecas y se pone una muñequera",
        "dice que las va a mandar a todos si no le manda más",
        "siento que llegué al final, ya no queda camino",
        "me preguntó si el lazo del tendedero aguanta el peso de una persona",
        "si un día ella falta le dé su perrito a la vecina",
        "cuando él se muera yo voy a poder descansar",
        "le vi rayitas rojas en el brazo",
        "pegándose la plancha del pelo caliente en el muslo",
        "she has barely eaten in five days and her hip bones are sticking out",
    )
    no_phrase_finds_danger_in(
        "ive reached my limit with the schools emails",
        "he scraped his knee jumping off the garden wall",
        "the school says they have a plan for january",
        "money is so tight its choking me",
        "y si nunca se va de la casa y nunca consigue trabajo",
        "cada email es una puñalada trapera",
        "a headache thats killing me all day",
        "jugamos truco y me mató en todas las manos",
        "el profe los mata con tantas vueltas a la cancha",
    )


def test_despair_said_as_drowning_or_emptiness_and_self_harm_counted_in_days_get_help() -> None:
    """What three more writers showed: despair said as running out of air or as everything
    losing its meaning, a child not in class and not at home, days 'clean' of self-harm
    broken - each beside the same words in an everyday sense."""
    a_phrase_finds_danger_in(
        "its like being underwater all day and ive run out of air",
        "desde que dejo de ir todo perdio sentido",
        "se me acabaron las ganas de todo",
        "la profe me aviso q no entro a clase y en casa tampoco esta",
        "llevaba 5 dias limpia y hoy puso la cague otra vez",
        "she was 20 days clean and tonight she relapsed",
    )
    no_phrase_finds_danger_in(
        "the paddling pool has run out of air again",
        "la frase perdio sentido al traducirla",
        "se me acabaron las ganas de cocinar",
        "no entro a clase porque estaba enfermo y esta en casa conmigo",
        "la cocina llevaba dos dias limpia, milagro",
        "the bathroom stayed two days clean before the kids messed it up",
    )


def test_a_child_locked_in_tied_or_touched_gets_help_and_a_ball_in_the_face_does_not() -> None:
    """What two more writers showed: starving told by exercise until she faints, a carer
    who locks a child in all day with no food or ties him to a chair, an adult who keeps
    touching her - each beside the same words in an everyday sense."""
    a_phrase_finds_danger_in(
        "no come en todo el dia y despues hace abdominales hasta marearse",
        "she barely eats and then does sit ups until she passes out",
        "y si mi mama lo sigue dejando encerrado solo todo el dia",
        "tiene 7 años y no le deja ni comida",
        "y si en la guarderia lo siguen amarrando a la silla",
        "y si el chofer de la buseta la sigue tocando",
    )
    no_phrase_finds_danger_in(
        "hace abdominales todos los dias con su equipo de voley",
        "el profe lo toco en el hombro para despertarlo en clase",
        "y si le pegan otro pelotazo en la cara",
        "esa partida de fortnite me mato el wifi y la paciencia",
        "what if he gets hit in the face with a cricket ball again",
    )


def test_a_child_who_wont_go_to_sleep_is_everyday_but_sleeping_for_good_is_not() -> None:
    """'Go to sleep' is a parent's everyday words; going to sleep and not waking up is
    not - nor a child who says she won't make it to the end of the year anyway."""
    for everyday in ("the baby wouldnt go to sleep", "he wont go to sleep until midnight"):
        assert read_as(everyday) in (None, UNSURE), everyday  # no phrase reads it as harm
        assert danger_in_written(everyday, load_content()) is None
    a_phrase_finds_danger_in(
        "i wish i could go to sleep and not wake up",
        "she said she wants to go to sleep forever",
        "me dijo pa q voy a ir al cole si igual no voy a llegar a fin de año",
    )


def test_a_parents_everyday_notes_are_everyday_but_the_same_words_meaning_harm_are_not() -> None:
    """What 1,900 ordinary journal entries and school-plan notes showed: words parents
    write daily that a danger phrase took for harm - each beside the same words meaning it."""
    no_phrase_finds_danger_in(
        "he has a plan to go back after half term",
        "we finally have a plan with the school",
        "he said hed rather die than wear the school hat",
        "she cant face swimming yet",
        "no idea where she gets it from",
        "asked why bees die after they sting",
        "la maestra me mato el animo a la salida",
        "le dieron un sticker y se lo pego en la frente",
        "no lo tocaba desde marzo",
    )
    a_phrase_finds_danger_in(
        "she has a plan and a date",
        "he'd rather be dead than go back to that school",
        "i'd rather die than go on like this",
        "a man coaxed her with sweets",
        "el tio la toca cuando la cuida",
        "she's not answering her phone and her location is off",
    )


def test_the_days_around_school_refusal_are_everyday_but_cutting_in_the_toilets_is_not() -> None:
    """What two more writers showed (the daily life around school refusal; what is typed
    late at night in a rush): everyday sentences a phrase took for harm, each beside the
    same words meaning it - and two ways of telling self-harm that nothing caught."""
    no_phrase_finds_danger_in(
        "he says he cant breathe in the classroom, its too loud",
        "ive given up for tonight, hes still on the ps5",
        "worried the plan to go back after half term falls apart",
        "i want to disappear under the duvet till tuesday",
        "my husband is going to hit the roof when he sees the fine",
        "im done for the day, bed at 8",
        "shes not back yet but texted shes at the chippy",
        "i threatened to take the xbox and he laughed",
        "he keeps cutting in when i talk to his sister",
        "me rompi el lomo limpiando antes de la visita",
        "la directora me queria matar con la mirada",
        "y si el informe no llega antes del semestre",
    )
    a_phrase_finds_danger_in(
        "the school called because she was cutting in the toilets at break",
        "la vieron cortandose en el baño del colegio",
        "ive given up, i cant do this anymore",
        "hes on the roof and says hell jump off the balcony",
        "she hasnt come home and her phone is off",
        "una banda le quito el celular y dice que les debe",
    )
    no_phrase_finds_danger_in("se estaba cortando el pelo ella sola", "cortandose las uñas")


def test_babies_families_and_medicines_in_strong_words_are_everyday_but_danger_is_not() -> None:
    """What three more writers showed (babies and toddlers, the people around the child,
    health and medicines): everyday words a phrase took for harm, beside harm that nothing
    caught - a heart rate dangerously low, the dose that kills, a sick child left alone."""
    no_phrase_finds_danger_in(
        "toddler climbed out of his cot for the first time",
        "i keep snapping at my older boy and he doesnt deserve it",
        "worried the older one is going to resent the baby forever",
        "im on the edge of her mattress every night",
        "what if she faints again and hits her head",
        "push him back to school or let him rest",
        "le di las gotas de paracetamol que le receto el pediatra",
        "el mayor dice que ojala la bebe no hubiera nacido",
        "se escapo de la cuna por primera vez",
        "se me parte la cabeza de tanto ruido",
        "mi hija me mata si le cuento al doctor",
    )
    a_phrase_finds_danger_in(
        "she skips every meal and the gp says her heart rate is dangerously low",
        "el chamo pregunto cual es la dosis que mata",
        "la deje sola con 39 de fiebre todo el dia y tiene 5 años",
        "i left him alone with a high temperature all day, hes four",
        "i wish i had never been born",
        "ojala yo no hubiera nacido",
        "he said hell kill me if i tell anyone",
        "mi marido me mata si le cuento a alguien",
    )


def test_school_slang_and_a_parents_own_voice_are_everyday_but_a_locked_door_is_not() -> None:
    """What three more writers showed (school itself, the parent's inner voice, swearing
    and slang): everyday words a phrase took for harm, beside harm nothing caught - a
    parent hiding behind a locked door from a partner, a child lost from a school trip."""
    no_phrase_finds_danger_in(
        "the bake sale nearly killed me",
        "her form tutor is going to murder me, i forgot the planner again",
        "she twisted her ankle in netball",
        "theyll kick him out if he misses any more",
        "the pe teacher is an absolute weapon",
        "ill wallop him at monopoly tonight",
        "i keep daydreaming about running off to a cottage for two days",
        "what if my depression comes back with all this",
        "me preocupa no llegar a fin de mes",
        "dice que no vuelve a esa clase nunca mas",
        "mi suegra me va a ahorcar si se entera",
    )
    a_phrase_finds_danger_in(
        "writing this in the bathroom with the door locked because hes in one of his moods",
        "hiding in the bedroom until my husband leaves, the kids are with me",
        "se separo del grupo en la excursion y los profes llevan una hora buscandola",
        "he twisted her arm behind her back",
        "he said hell kill me if i tell anyone",
    )


def test_what_a_reviewer_found_hidden_inside_new_everyday_phrases_gets_help() -> None:
    """A reviewer read every everyday phrase this session added and wrote harm that lies
    inside them: each was narrowed until it no longer hides it - and the everyday words it
    was written for stay everyday."""
    a_phrase_finds_danger_in(
        "he brought a real weapon to school",
        "shes meeting her roblox guy on saturday",
        "she disappeared into a car with two men",
        "shes been thinking about running off for weeks",
        "his hands will kill me one day",
        "threatening phone calls every night",
        "she climbed out of her bed at 2am and out the window",
        "she cant breathe in there hes sitting on her",
        "shes stuck in the hot car",
        "se tomo 20 sobres de paracetamol",
        "mi hija busco la dosis de paracetamol que mata",
        "dicen que lo van a matar en el partido",
        "su papa los va a matar cuando salga de la carcel",
        "ojala la bebe no hubiera nacido no la soporto",
        "tengo una hija de 15 que desaparece los fines de semana",
        "me rompe la cabeza con la botella",
        # and a second reviewer's
        "mi esposo dijo que ojala el bebe no hubiera nacido",
        "i lost the will to live during my separation",
        "im hitting my head against the wall again",
        "mi pareja de 5 años me dio una cachetada",
        "she cuts off the circulation with hair ties",
        "quiero desaparecer debajo de las cobijas para siempre",
        "i cant breathe whenever he talks to me like that",
    )
    no_phrase_finds_danger_in(
        "llevo media hora buscandolas, las llaves",
        "estoy cortandome el pelo",
        "le jale el pelo al peinarla",
        "hiding in the toilet from her for five minutes of peace",
        "tiene una cantidad mortal de tarea",
    )


def test_a_childs_games_and_homework_searches_are_everyday_but_a_nude_photo_is_not() -> None:
    """What three more writers showed (the child's words, "what if", very short and mixed
    lines): searches for homework and games, a small child's tantrum, beside harm nothing
    caught - a nude photo sent round, a parent who pulled her hair, a child left alone."""
    no_phrase_finds_danger_in(
        "he googled how many people died at pompeii for his project",
        "my son searched how to kill the ender dragon",
        "my 5 yo hit me during a tantrum about leaving the park",
        "what if the anxiety follows her to university",
        "what if my back kills me tomorrow",
        "estoy so done con these mornings",
        "dice que la selectividad la va a enterrar viva",
        "y si nunca regresa a la secu",
        "llevo toda la mañana negociando y ya me rendi por hoy",
    )
    a_phrase_finds_danger_in(
        "they sent a nude photo of her round the whole school",
        "y si le vuelvo a tirar del pelo como hoy",
        "y si la niñera lo vuelve a dejar encerrado en el carro",
        "su mama sigue dejandolo solo en la casa dias enteros, tiene 7 años",
        "he searched how many pills it takes to die",
        "my 15 year old hit me and pushed me into the wall",
    )


def test_danger_said_sideways_gets_help() -> None:
    """What a writer asked for hints showed: harm told by what a parent sees or hears,
    without its usual words."""
    a_phrase_finds_danger_in(
        "she keeps her wristbands on even in the shower and panics if i ask",
        "every time shes in the bathroom for ages she comes out with a new plaster",
        "he skipped meals all week to punish himself",
        "he said im the only reason hes still here",
        "si sigue gritando no respondo de mi",
        "hay mañanas que si me quedo le hago algo",
        "de la nada empezo a devolver todo lo prestado y a pedirle perdon a todo el mundo",
    )
    no_phrase_finds_danger_in("she keeps her wristbands on for netball", "he was punished for it")


def test_a_threat_to_kill_is_danger_whoever_makes_it_and_an_idiom_only_with_its_subject() -> None:
    """Four everyday phrases ("will kill me if", "nearly killed me with", "kill me with",
    "literally kill") were set aside whoever spoke: a partner's threat got kind words. Now
    they are everyday only where the one who "kills" is a thing, a named relative or a
    teacher, or where what comes after "with" shows a figure of speech."""
    a_phrase_finds_danger_in(
        "they will kill me if i try to divorce",
        "he will kill me with his hands one day",
        "he almost killed me that night",
        "he nearly killed me with his bare hands",
        "hes going to kill me this time",
        "he will literally kill me if he finds this",
        "my ex nearly killed me this time",
        "my husband is killing me when i try to leave",
        # and what a reviewer wrote inside this session's own everyday phrases
        "she put a knife to her heart",
        "fue una puñalada en el pecho",
        "he threatened to take him off me for good",
        "my son disappeared off the radar last night",
        "mi marido me quiere matar",
        "si no pago la cuota me matan",
    )
    no_phrase_finds_danger_in(
        "my mum will kill me if she finds out",
        "the teacher will kill me if he forgets his pe kit again",
        "that hike nearly killed me",
        "the bake sale nearly killed me",
        "this boy wants to kill me with stress",
        "the kids are killing me with questions",
        "i literally died when she said that",
    )


def test_a_second_language_and_a_long_post_say_danger_and_everyday_life_their_own_way() -> None:
    """What two more writers showed: parents writing in a second language or a regional
    voice, and long posts where the part that matters may be anywhere."""
    a_phrase_finds_danger_in(
        "i locked the toddler in the bathroom with the light off to stop the screaming",
        "we found him four days later in another town",
        "what if she runs off again like last time",
        "la encontramos dos dias despues en otra ciudad",
        "y si se vuelve a escapar de casa",
        "left the baby asleep in the car on the drive for half an hour while we argued",
        "deje sola a la bebe en la casa para ir a buscar a su hermano",
        "she said none of us will have to put up with her much longer",
        "dice que esta va a ser su ultima navidad",
        "she is making herself throw up after every meal again",
    )
    no_phrase_finds_danger_in(
        "he disappears into his phone for hours",
        "my son is dead in love with a singer",
        "i drown in a glass of water, my mother says",
        "stabbed in the back by my own brother over the school thing",
        "the school is threatening to take him off roll",
        "la cita de asilo todavia no llega",
        "les di una paliza al parchis",
        "mi hija anda muerta de amor",
        "se ahoga en un vaso de agua",
        "la cuota del colegio me mato",
        "me quiere matar con el cuento de dejar el colegio",
    )


def test_old_everyday_phrases_no_longer_hide_a_threat_made_by_a_person() -> None:
    """An audit of every older everyday phrase that holds a word of violence or death
    found threats it hid: each started at the verb ("will kill me if", "is killing me",
    "kill me for"), so it fitted a partner as well as a mum or a teacher. A threat from a
    person is now read before any of them; the idioms of things and of relatives remain."""
    a_phrase_finds_danger_in(
        "he will kill me when he finds out",
        "he will kill me if he finds out i called you",
        "hes going to kill me if i get a lawyer",
        "he said hell kill me if i see my friends again",
        "hell kill her for leaving",
        "my husband will shoot me for asking him to leave",
        "dad will kill her when he gets home",
        "he is killing me",
        "he is literally killing me and nobody believes me",
        "she nearly killed herself trying to get away",
        "after two paracetamol for the pain she took the rest of the box",
        "el tio dijo que me mata si cuento lo que pasa en el baño",
        "me pego un golpe contra la pared",
        "corta la carne y luego me apunta con el cuchillo",
        "en el coche estaba muerto el bebe",
        "el examen, si suspendo me mato, dice mi hija",
        "casi me mata en la cocina con el cuchillo",
        "te voy a matar en el coche, me dijo mi marido",
        "he is planning a shooting for friday at the school",
        "mi hijo planea un tiroteo en la escuela",
    )
    no_phrase_finds_danger_in(
        "i'm killing myself trying to work full time and do home ed",
        "hes killing me with these questions at bedtime",
        "my mum will kill me if she finds out",
        "the senco shot me down in seconds",
        "the other parents beat us hollow at the quiz",
        "i am going to die of embarrassment at parents evening",
        "la fila del banco me mato, tres horas",
        "prefiere morirse de hambre antes que comer brocoli",
        "te voy a matar al fifa",
    )
