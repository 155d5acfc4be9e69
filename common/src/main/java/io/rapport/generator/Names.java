package io.rapport.generator;

/** Common first names and surnames (data facts), and helpers to turn them into handles. */
final class Names {
  private Names() {}

  static final String[] ES_FIRST = {
    "María",
    "Carmen",
    "Lucía",
    "Laura",
    "Marta",
    "Paula",
    "Sofía",
    "Elena",
    "Ana",
    "Isabel",
    "Cristina",
    "Sara",
    "Raquel",
    "Alba",
    "Irene",
    "Nerea",
    "Ainhoa",
    "Montse",
    "Rocío",
    "Pilar",
    "José",
    "Antonio",
    "Manuel",
    "David",
    "Javier",
    "Daniel",
    "Carlos",
    "Alejandro",
    "Pablo",
    "Sergio",
    "Jorge",
    "Álvaro",
    "Adrián",
    "Rubén",
    "Iñaki",
    "Jordi",
    "Raúl",
    "Víctor",
    "Hugo",
    "Marcos"
  };

  static final String[] LATAM_FIRST = {
    "Valentina",
    "Camila",
    "Daniela",
    "Mariana",
    "Gabriela",
    "Ximena",
    "Guadalupe",
    "Florencia",
    "Agustina",
    "Martina",
    "Fernanda",
    "Natalia",
    "Andrea",
    "Paola",
    "Juliana",
    "Luciana",
    "Renata",
    "Catalina",
    "Abril",
    "Micaela",
    "Juan",
    "Luis",
    "Diego",
    "Santiago",
    "Sebastián",
    "Mateo",
    "Andrés",
    "Felipe",
    "Matías",
    "Nicolás",
    "Miguel",
    "Emiliano",
    "Joaquín",
    "Tomás",
    "Facundo",
    "Julián",
    "Camilo",
    "Esteban",
    "Rodrigo",
    "Ricardo"
  };

  static final String[] ES_LAST = {
    "García",
    "Rodríguez",
    "González",
    "Fernández",
    "López",
    "Martínez",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Martín",
    "Jiménez",
    "Ruiz",
    "Hernández",
    "Díaz",
    "Moreno",
    "Álvarez",
    "Muñoz",
    "Romero",
    "Navarro",
    "Torres",
    "Ramírez",
    "Flores",
    "Castillo",
    "Vargas",
    "Rojas",
    "Ortiz",
    "Silva",
    "Castro",
    "Ramos",
    "Morales",
    "Gutiérrez",
    "Herrera",
    "Medina",
    "Aguilar",
    "Vega",
    "Ibáñez",
    "Núñez",
    "Serrano",
    "Molina",
    "Delgado",
    "Suárez",
    "Ortega",
    "Rubio",
    "Marín",
    "Sanz",
    "Iglesias",
    "Cortés",
    "Garrido",
    "Mendoza",
    "Cruz"
  };

  static final String[] EN_FIRST = {
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "William",
    "Elizabeth",
    "David",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Chris",
    "Karen",
    "Emily",
    "Ashley",
    "Tyler",
    "Megan",
    "Kevin",
    "Brian",
    "Olivia",
    "Ethan",
    "Noah",
    "Emma",
    "Madison",
    "Jacob",
    "Hannah",
    "Ryan",
    "Lauren",
    "Brandon",
    "Grace",
    "Justin",
    "Chloe",
    "Aaron"
  };

  static final String[] EN_LAST = {
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Martin",
    "Jackson",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Nguyen",
    "Hill",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Carter",
    "Mitchell",
    "Campbell",
    "Roberts",
    "Turner",
    "Phillips",
    "Parker",
    "Evans"
  };

  /** Lower-case ASCII letters and digits of a name ("Ibáñez" gives "ibanez"). */
  static String ascii(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      char f = fold(c);
      if ((f >= 'a' && f <= 'z') || (f >= '0' && f <= '9')) {
        sb.append(f);
      }
    }
    return sb.toString();
  }

  /** Folds a lower-case accented letter to its base letter. */
  static char fold(char c) {
    switch (c) {
      case 'á':
      case 'à':
      case 'ä':
        return 'a';
      case 'é':
      case 'è':
      case 'ë':
        return 'e';
      case 'í':
      case 'ï':
        return 'i';
      case 'ó':
      case 'ö':
        return 'o';
      case 'ú':
      case 'ü':
        return 'u';
      case 'ñ':
        return 'n';
      case 'ç':
        return 'c';
      default:
        return c;
    }
  }

  /** Removes Spanish accents, keeping case ("Pésimo" gives "Pesimo"); ñ is kept. */
  static String stripAccents(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char r;
      switch (c) {
        case 'á':
          r = 'a';
          break;
        case 'é':
          r = 'e';
          break;
        case 'í':
          r = 'i';
          break;
        case 'ó':
          r = 'o';
          break;
        case 'ú':
          r = 'u';
          break;
        case 'Á':
          r = 'A';
          break;
        case 'É':
          r = 'E';
          break;
        case 'Í':
          r = 'I';
          break;
        case 'Ó':
          r = 'O';
          break;
        case 'Ú':
          r = 'U';
          break;
        default:
          r = c;
      }
      if (r != c && sb == null) {
        sb = new StringBuilder(s);
      }
      if (sb != null) {
        sb.setCharAt(i, r);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
