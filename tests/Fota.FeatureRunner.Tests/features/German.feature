# language: de
Funktionalität: Deutsche Zahlen
  Die Sprache der Datei bestimmt Schlüsselwörter und Zahlenformat.

  Szenario: Ein Komma trennt die Nachkommastellen
    Angenommen die Zahl 1,5
    Dann ist die Zahl 1.5 als Dezimalzahl
