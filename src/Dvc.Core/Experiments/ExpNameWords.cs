namespace Dvc.Core.Experiments;

/// <summary>
/// Word lists for random experiment names. Same shape as DVC's names (a five-letter adjective and a
/// four-letter noun, e.g. "brisk-fern"), so they look at home next to DVC's in <c>exp show</c>, but
/// our own words: short, lower-case ASCII, valid in a git ref, and inoffensive.
/// </summary>
internal static class ExpNameWords
{
    public static readonly string[] Adjectives =
    [
        "acute", "adept", "agile", "aglow", "alert", "alive", "alpha", "amber", "ample", "antsy", "astir", "awake", "aware", "azure",
        "balmy", "basic", "black", "bland", "blank", "bonny", "boxed", "brash", "brave", "brief", "briny", "brisk", "broad", "brown",
        "bulky", "bumpy", "burly", "bushy", "caged", "candy", "cedar", "cheap", "chewy", "chief", "chill", "civic", "civil", "clean",
        "clear", "close", "cocoa", "comfy", "comic", "coral", "corny", "crisp", "cubic", "curly", "curvy", "daily", "dandy", "dated",
        "dense", "dizzy", "downy", "droll", "dusky", "dusty", "eager", "early", "eerie", "elder", "elfin", "elite", "empty", "equal",
        "exact", "extra", "faint", "fancy", "fiery", "final", "first", "fishy", "fixed", "fizzy", "flaky", "fleet", "fluid", "flush",
        "focal", "foggy", "frail", "frank", "fresh", "funky", "fussy", "fuzzy", "gamey", "gassy", "gaudy", "gawky", "giant", "goofy",
        "grand", "great", "green", "gruff", "gummy", "gusty", "hairy", "handy", "happy", "hardy", "harsh", "hasty", "hazel", "heady",
        "heavy", "hefty", "hilly", "hoary", "homey", "hoppy", "humid", "husky", "hyper", "icier", "ideal", "inert", "inner", "ionic",
        "ivory", "jazzy", "jolly", "juicy", "jumbo", "jumpy", "kempt", "khaki", "known", "kooky", "lanky", "large", "leafy", "legal",
        "leggy", "lemon", "level", "light", "lilac", "loamy", "local", "lofty", "loose", "lowly", "loyal", "lucid", "lucky", "lumpy",
        "lunar", "magic", "major", "maple", "matte", "mauve", "meaty", "merry", "messy", "metal", "milky", "minor", "minty", "misty",
        "mixed", "modal", "moist", "moody", "mossy", "muddy", "murky", "mushy", "naive", "natty", "naval", "nerdy", "newsy", "nifty",
        "nippy", "noble", "noisy", "north", "noted", "novel", "nubby", "nutty", "oaken", "olive", "outer", "ovate", "overt", "paced",
        "pasty", "peaky", "pearl", "peaty", "peppy", "perky", "pesky", "piney", "pithy", "plaid", "plain", "plump", "plush", "polar",
        "poppy", "prime", "prior", "proud", "pudgy", "puffy", "pulpy", "quaky", "quick", "quiet", "rainy", "rapid", "raspy", "ratty",
        "ready", "reedy", "regal", "rigid", "riled", "rocky", "roomy", "round", "rowdy", "royal", "ruddy", "runny", "rural", "rusty",
        "sable", "salty", "sandy", "sassy", "satin", "savvy", "scaly", "scant", "sepia", "shady", "shaky", "sharp", "sheer", "shiny",
        "short", "showy", "silky", "silly", "silty", "sized", "sleek", "slick", "smart", "smoky", "snowy", "soapy", "sober", "soggy",
        "solar", "solid", "sonic", "sooty", "soupy", "spare", "spicy", "spiky", "squat", "stagy", "stark", "steep", "stern", "still",
        "stoic", "stony", "stout", "sudsy", "sunny", "super", "surly", "swank", "sweet", "swift", "sworn", "tabby", "tacit", "tangy",
        "tasty", "taupe", "tawny", "teeny", "tense", "tepid", "terse", "testy", "thick", "third", "tidal", "tight", "tiled", "timid",
        "tipsy", "tonal", "toned", "tonic", "total", "tough", "trite", "tubby", "ultra", "umber", "unapt", "unlit", "unset", "upper",
        "urban", "usual", "utile", "utter", "vague", "valid", "vegan", "vital", "vivid", "vocal", "wacky", "waxen", "weary", "weedy",
        "white", "whole", "windy", "wispy", "witty", "wonky", "woody", "woozy", "wordy", "woven", "young", "yummy", "zesty", "zippy",
        "zonal",
    ];

    public static readonly string[] Nouns =
    [
        "acre", "aloe", "apex", "apse", "arch", "atom", "axis", "axle", "band", "bard", "bark", "barn", "bass", "bath",
        "bead", "beam", "bean", "bear", "bell", "belt", "berg", "bike", "bird", "blob", "boar", "boat", "bolt", "bone",
        "book", "boot", "bowl", "brim", "buck", "bulb", "buoy", "burr", "bush", "byte", "cafe", "cake", "calf", "cape",
        "card", "cart", "cask", "cave", "cell", "chai", "chef", "chin", "chip", "city", "clam", "claw", "clay", "clef",
        "clip", "clog", "club", "coal", "coat", "coda", "code", "coin", "colt", "comb", "cone", "cook", "cord", "cork",
        "corn", "cove", "crab", "crag", "crew", "crib", "crow", "cube", "curd", "cusp", "dais", "dart", "date", "dawn",
        "deck", "deer", "dell", "desk", "dial", "dish", "disk", "dock", "dome", "door", "dorm", "dove", "dram", "drop",
        "drum", "duck", "dune", "dusk", "dust", "echo", "edge", "ewer", "fang", "farm", "fawn", "fern", "fiat", "fife",
        "film", "fire", "fish", "flag", "flax", "flea", "floe", "flue", "foam", "font", "fork", "fort", "frog", "fuel",
        "fuse", "gait", "gala", "gale", "game", "gate", "gaze", "gear", "gene", "germ", "gift", "gist", "glee", "glen",
        "glow", "glue", "gnat", "goat", "gold", "gong", "gown", "grid", "gulf", "gull", "gust", "hail", "hall", "halo",
        "hare", "harp", "hawk", "heap", "hemp", "herb", "hill", "hive", "hood", "hook", "horn", "hose", "hull", "ibex",
        "icon", "inch", "iris", "iron", "isle", "jade", "jamb", "jazz", "jeep", "jest", "joey", "jolt", "judo", "jute",
        "kale", "keel", "kelp", "kiln", "kilt", "king", "kite", "kiwi", "knot", "lace", "lair", "lake", "lamb", "lamp",
        "lane", "lard", "lark", "lava", "lawn", "leaf", "leek", "lens", "lily", "lime", "line", "link", "lion", "loaf",
        "loch", "lode", "loft", "loom", "lore", "lure", "lute", "lynx", "mace", "mail", "malt", "mane", "mare", "marl",
        "mask", "mast", "maze", "mead", "menu", "mesa", "mica", "mill", "mink", "mint", "mist", "mitt", "moat", "mode",
        "mole", "monk", "moon", "moss", "moth", "mule", "muse", "myth", "navy", "neon", "nest", "newt", "node", "nook",
        "note", "oath", "oboe", "ogre", "okra", "onyx", "opal", "orca", "ouzo", "oven", "pace", "page", "pail", "palm",
        "pane", "park", "path", "pawn", "peak", "pear", "peat", "pier", "pike", "pine", "pipe", "pita", "plot", "plow",
        "plum", "poem", "poet", "pole", "pond", "pony", "pool", "port", "prow", "puck", "pulp", "puma", "pump", "quay",
        "quiz", "rack", "raft", "rail", "rain", "rake", "ramp", "reed", "reef", "reel", "rhea", "rice", "rift", "ring",
        "rink", "road", "roan", "robe", "rock", "roof", "rook", "room", "root", "rope", "rose", "ruby", "ruff", "rune",
        "rung", "rust", "sage", "sail", "salt", "sand", "sash", "scow", "seal", "seam", "seed", "shed", "shim", "ship",
        "shoe", "silk", "silo", "silt", "slab", "sled", "sloe", "slot", "smog", "snow", "sock", "soda", "sofa", "soil",
        "sole", "song", "soup", "spar", "spud", "spur", "stag", "star", "stem", "stew", "swab", "swan", "tank", "tape",
        "tarn", "taro", "teak", "teal", "tent", "tern", "tide", "tile", "toad", "tofu", "toga", "tome", "tram", "tree",
        "trek", "trio", "tuba", "tuft", "tune", "tusk", "twig", "vale", "vane", "vase", "veil", "vest", "vial", "vine",
        "visa", "vole", "wand", "wasp", "wave", "weir", "well", "whey", "whim", "wick", "wind", "wing", "wisp", "wolf",
        "wool", "word", "worm", "wren", "yard", "yarn", "yawl", "yeti", "yoke", "yolk", "yurt", "zinc", "zone",
    ];
}
