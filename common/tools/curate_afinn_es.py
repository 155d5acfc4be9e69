#!/usr/bin/env python3
"""Curate the two AFINN-to-Spanish translations into lexicons/es/afinn_es_curated.tsv.

Input: ../shared/data/sentiment/es/{afinn_es_lorca,afinn_es_multilang} (see their SOURCE.txt).
Output columns: term <TAB> valence (-4..4, AFINN x 0.8; multilang-only entries x 0.7) <TAB> source.
Rules: drop non-word keys (emoji/symbols, CC BY-SA), negators ("no", "nunca"), translation-sense
errors and untranslated English (DROP, ENGLISH), fix a few values (FIX). Rapport's own entries in
rapport_es.tsv are loaded after this file and override it.
"""
import json, re, sys, os

SHARED = sys.argv[1] if len(sys.argv) > 1 else "../../../shared/data/sentiment/es"
OUT = sys.argv[2] if len(sys.argv) > 2 else "../src/main/resources/lexicons/es/afinn_es_curated.tsv"

# negators, function words, sense errors from English homographs, domain-neutral words, vulgar
# words whose Spanish use is not reliably negative, typos
DROP = set("""no nunca sí solo señorita guardar guardado corte cortes cortar bajo arriba carga cargado
llegar esperando pagar salir acciones materia jesús dios oración oraciones orar nueces negrita
novela bloque sueltos impar slip fuego rosa loco borrado descontado demanda exige demostración
exento impuesto culo tetas polla follado mear meando chupar disfrutano previnindo responsibility
victor integral sentimiento arrastre titulado bomba super fuerte pasivo limpiador aumento aumentado
enorme grande más\u0020grande nuevo claro cierto importa seguro seguridad garantía efectivo acuerda
interés intereses cuidado excitado excitación lanzado usad opportunit\u0020y paradise vitamin
humano ventilador sorprendido caro parte\u0020superior sensación cargos alarma alerta detener
detiene gana gris *gris comic crudo vivo sol cielo retirada retiro cuchara autor delicado cubrir
descuento carcajadas celoso delanteros barras bancadas criminates bereaves dejects bureado""".split())
DROP |= {"negro", "negra", "negros", "negras", "festivo", "disculpa", "disculpas", "buena puta", "barra oblicua", "alfombrilla de ratón", "algún tipo", "cerveza negra"}
ENGLISH = set("""asset awesome grand greater positive fitness dick yeah tops lobby funky anti shock
profit glory sad promoting hurt escape leading cool lol spam""".split())
# words spelled alike in both languages that are genuine Spanish words (kept from either source)
COGNATES = set("""gratis amor legal popular natural error perfecto sexy fan criminal supremo romance
superior crisis humor honor noble terror favor fatal horrible terrible brutal vulnerable tumor
trauma funeral genial gracioso adorable amoroso cruel fiasco grave inferior irresistible
indestructible invulnerable irreversible jovial lamentable miserable propaganda virtuoso favorable
resolver glamour""".split())
FIX = {"joder": -1.5, "coño": -1.0, "puta": -2.0, "perra": -2.0, "bla": -0.8, "falta": -0.8,
       "retraso": -1.6, "roto": -1.8, "rompió": -1.6, "porquería": -2.4, "fan": 1.2,
       "brutal": 1.2, "alarmante": -1.6, "basura": -2.4, "perfecto": 3.0, "lujo": 2.0}

def spanish_like(k):
    if k in COGNATES:
        return True
    if re.search(r"[^a-záéíóúñü ]", k):
        return False
    if re.search(r"[wk]|sh|th|ck|ph|ee|oo|ly$|ing$|ness$|ful$|less$|ed$|ers$|ies$|y$", k) and k not in ("hoy", "muy", "ley", "rey", "hay", "soy", "voy", "estoy"):
        return False
    return True

def main():
    lorca = json.load(open(os.path.join(SHARED, "afinn_es_lorca/afinnShortSortedSpanish.json"), encoding="utf-8"))
    multi = json.load(open(os.path.join(SHARED, "afinn_es_multilang/AFINN-es.json"), encoding="utf-8"))
    out = {}
    for k, v in lorca.items():
        k2 = k.strip().lstrip("*").lower()
        if not re.search(r"[a-záéíóúñü]", k2) or k2 in DROP or k2 in ENGLISH or k.strip() in DROP:
            continue
        if re.search(r"[^a-záéíóúñü ]", k2):
            continue
        if k2 in out:
            continue
        out[k2] = (round(v * 0.8, 2), "afinn_es_lorca")
    for k, v in multi.items():
        if not k or v is None or k != k.lower():
            continue  # capitalised keys are mostly untranslated names/English
        k2 = k.strip()
        if k2 in out or k2 in DROP or k2 in ENGLISH or not spanish_like(k2):
            continue
        out[k2] = (round(v * 0.7, 2), "afinn_es_multilang")
    for k, v in FIX.items():
        src = out[k][1] + "+rapport_fix" if k in out else "rapport_fix"
        out[k] = (v, src)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Curated from AFINN-165 Spanish translations; see lexicons/README.md and tools/curate_afinn_es.py\n")
        f.write("# term\tvalence(-4..4)\tsource\n")
        for k in sorted(out):
            f.write("%s\t%s\t%s\n" % (k, out[k][0], out[k][1]))
    print(len(out), "entries ->", OUT)

if __name__ == "__main__":
    main()
