"""Demo quiz questions loaded by ``manage.py load_demo``, grounded in courses/demo_content.py.

Written in French for the CNDH’s judicial police officers: every question can be answered by
reading the lessons of the three demo courses, and asks nothing they do not say. Pure data:
QUIZZES maps each course slug to one list of questions per module, in the course’s module
order, and to the pool of the course’s final quiz, which draws fewer questions than it holds
(quizzes/demo.py). A question is a dict with name, type, text, max_score, general_feedback,
choices (single, multiple, truefalse, short, numerical) and pairs (matching; ordering, listed
in the right order), as quizzes/demo.py reads them.
"""

QUIZZES = {
    "droits-humains-fonctions-opj": {
        "modules": [
            [
                {
                    "name": "DH M1 · Obligation de protéger (plainte d’une femme menacée)",
                    "type": "single",
                    "text": (
                        "<p>À Ségou, une femme se présente au poste : un voisin la menace de mort. "
                        "Vous enregistrez sa plainte et la transmettez au parquet. Quelle "
                        "obligation de l’État remplissez-vous ainsi d’abord ?</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "L’État, au nom duquel agit l’OPJ, doit respecter, protéger et mettre en "
                        "œuvre les droits. La leçon cite justement l’enregistrement de la plainte "
                        "d’une femme menacée comme exemple de l’obligation de protéger."
                    ),
                    "choices": [
                        {
                            "text": "L’obligation de respecter",
                            "fraction": 0,
                            "feedback": (
                                "Respecter, c’est ne pas porter atteinte soi-même aux droits. Ici, "
                                "la menace vient d’un tiers."
                            ),
                        },
                        {
                            "text": "L’obligation de protéger",
                            "fraction": 100,
                            "feedback": (
                                "Exact : vous empêchez qu’un tiers porte atteinte aux droits de "
                                "cette femme."
                            ),
                        },
                        {
                            "text": "L’obligation de mettre en œuvre",
                            "fraction": 0,
                            "feedback": (
                                "Mettre en œuvre, c’est organiser les moyens pour que les droits "
                                "soient effectifs (registres tenus, locaux décents, interprète "
                                "disponible)."
                            ),
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "DH M1 · Les quatre principes des droits humains",
                    "type": "matching",
                    "text": (
                        "<p>Associez chaque principe des droits humains à l’illustration qui lui "
                        "correspond.</p>"
                    ),
                    "max_score": 2,
                    "general_feedback": (
                        "Universalité, inaliénabilité, indivisibilité et interdépendance, égalité "
                        "et non-discrimination : ce sont les quatre principes à garder en tête "
                        "présentés dans la leçon « Les droits humains : définition et principes "
                        "fondamentaux »."
                    ),
                    "choices": [],
                    "pairs": [
                        {
                            "prompt": "Universalité",
                            "answer": (
                                "Les droits valent aussi pour le suspect, l’étranger ou la "
                                "personne soupçonnée d’appartenir à un groupe armé."
                            ),
                        },
                        {
                            "prompt": "Inaliénabilité",
                            "answer": (
                                "Nul ne peut en être dépouillé arbitrairement ; une limitation "
                                "n’est possible que dans les cas et formes prévus par la loi."
                            ),
                        },
                        {
                            "prompt": "Indivisibilité et interdépendance",
                            "answer": (
                                "Le droit à la santé d’un gardé à vue compte autant que son droit "
                                "d’être informé des motifs de son arrestation."
                            ),
                        },
                        {
                            "prompt": "Égalité et non-discrimination",
                            "answer": (
                                "Nul ne doit être traité plus durement en raison de son ethnie, de "
                                "sa langue, de sa religion ou de son sexe."
                            ),
                        },
                    ],
                },
                {
                    "name": "DH M1 · Pas de hiérarchie entre les catégories de droits",
                    "type": "truefalse",
                    "text": (
                        "<p>Le classement des droits humains en catégories établit une "
                        "hiérarchie : les droits civils et politiques priment sur les droits "
                        "économiques, sociaux et culturels.</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "Le classement en catégories aide à identifier les textes applicables et "
                        "les obligations qui en découlent ; il n’établit aucune hiérarchie, car "
                        "les droits sont indivisibles."
                    ),
                    "choices": [
                        {
                            "text": "Vrai",
                            "fraction": 0,
                            "feedback": "Non : aucune catégorie n’est supérieure à une autre.",
                        },
                        {
                            "text": "Faux",
                            "fraction": 100,
                            "feedback": (
                                "Exact : les droits sont indivisibles. Une personne gardée à vue "
                                "doit d’ailleurs recevoir à boire, à manger et des soins si son "
                                "état le nécessite."
                            ),
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "DH M1 · Subsidiarité des mécanismes régionaux et internationaux",
                    "type": "short",
                    "text": (
                        "<p>Comment appelle-t-on le principe selon lequel les mécanismes régionaux "
                        "et internationaux de protection n’interviennent en principe qu’après les "
                        "recours nationaux, ou lorsque ceux-ci sont inefficaces ? (un mot)</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "C’est la subsidiarité : la protection des droits repose d’abord sur les "
                        "institutions nationales, dont l’OPJ est un maillon essentiel (leçon « Qui "
                        "protège les droits humains ? »)."
                    ),
                    "choices": [
                        {
                            "text": "subsidiarité",
                            "fraction": 100,
                            "feedback": "Exact.",
                        },
                        {
                            "text": "*subsidiarite*",
                            "fraction": 100,
                            "feedback": "Exact : c’est le principe de subsidiarité.",
                        },
                    ],
                    "pairs": [],
                },
            ],
            [
                {
                    "name": "DH M2 · Les trois conditions de légalité de la garde à vue",
                    "type": "multiple",
                    "text": (
                        "<p>Un OPJ de la brigade de Mopti envisage de placer un suspect en garde à "
                        "vue. Parmi ces éléments, lesquels font partie des trois conditions de "
                        "légalité de la mesure ?</p>"
                    ),
                    "max_score": 2,
                    "general_feedback": (
                        "La leçon « La garde à vue : une privation de liberté encadrée » retient "
                        "trois conditions : un fondement (indices sérieux et nécessité), un délai "
                        "fixé par le Code de procédure pénale, et le contrôle du procureur de la "
                        "République."
                    ),
                    "choices": [
                        {
                            "text": (
                                "Des indices sérieux contre la personne et une mesure réellement "
                                "nécessaire à l’enquête"
                            ),
                            "fraction": 33.33333,
                            "feedback": "Oui : c’est le fondement de la mesure.",
                        },
                        {
                            "text": (
                                "Le respect de la durée maximale et des conditions de prolongation "
                                "fixées par le Code de procédure pénale"
                            ),
                            "fraction": 33.33333,
                            "feedback": (
                                "Oui : un délai dépassé, même de quelques heures, rend la "
                                "détention arbitraire."
                            ),
                        },
                        {
                            "text": (
                                "L’information et le contrôle du procureur de la République, qui "
                                "autorise une éventuelle prolongation"
                            ),
                            "fraction": 33.33334,
                            "feedback": "Oui : c’est la condition de contrôle.",
                        },
                        {
                            "text": "Les aveux préalables de la personne",
                            "fraction": -50,
                            "feedback": (
                                "Non : la garde à vue suppose des raisons plausibles de "
                                "soupçonner, et nul ne peut être contraint de s’avouer coupable."
                            ),
                        },
                        {
                            "text": "L’accord écrit du plaignant",
                            "fraction": -50,
                            "feedback": (
                                "Non : la mesure est décidée par l’OPJ, sous le contrôle du "
                                "procureur de la République."
                            ),
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "DH M2 · Qui peut interpréter lors de la notification des droits ?",
                    "type": "single",
                    "text": (
                        "<p>Vers 23 heures, à la brigade de Sévaré, un homme placé en garde à vue "
                        "ne comprend que le tamasheq. Aucun gendarme présent ne parle cette "
                        "langue. Qui peut traduire la notification de ses droits ?</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "Les droits se notifient dès le placement en garde à vue, dans une langue "
                        "que la personne comprend. Si besoin, on recherche sans délai un "
                        "interprète neutre et l’on mentionne son identité au procès-verbal ; un "
                        "codétenu ou le plaignant ne doit jamais servir d’interprète."
                    ),
                    "choices": [
                        {
                            "text": "Le plaignant, qui parle tamasheq et connaît bien l’affaire",
                            "fraction": 0,
                            "feedback": (
                                "Non : il a un intérêt dans l’affaire ; sa traduction ne serait ni "
                                "neutre ni fiable."
                            ),
                        },
                        {
                            "text": "Un autre gardé à vue qui parle tamasheq",
                            "fraction": 0,
                            "feedback": "Non : un codétenu ne doit jamais servir d’interprète.",
                        },
                        {
                            "text": (
                                "Un interprète recherché sans délai, dont l’identité est "
                                "mentionnée au procès-verbal"
                            ),
                            "fraction": 100,
                            "feedback": (
                                "Exact : les démarches et l’heure effective de la notification "
                                "sont aussi consignées."
                            ),
                        },
                        {
                            "text": (
                                "Personne : on lui notifiera ses droits en français le lendemain "
                                "matin"
                            ),
                            "fraction": 0,
                            "feedback": (
                                "Non : la notification ne se diffère pas et doit se faire dans une "
                                "langue que la personne comprend."
                            ),
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "DH M2 · Les étapes de la notification des droits",
                    "type": "ordering",
                    "text": (
                        "<p>Remettez dans l’ordre les étapes de la notification des droits "
                        "présentées dans la capsule vidéo « La notification des droits, pas à "
                        "pas ».</p>"
                    ),
                    "max_score": 2,
                    "general_feedback": (
                        "La capsule suit cinq étapes : le moment, la langue, le contenu, la trace "
                        "et le suivi. Retenez : notifier tôt, dans la bonne langue, avec des mots "
                        "simples, et tout consigner."
                    ),
                    "choices": [],
                    "pairs": [
                        {
                            "prompt": (
                                "Notifier les droits dès le placement en garde à vue, sans "
                                "attendre la première audition"
                            ),
                            "answer": "",
                        },
                        {
                            "prompt": (
                                "Demander à la personne quelle langue elle comprend le mieux et, "
                                "au besoin, faire appel à un interprète"
                            ),
                            "answer": "",
                        },
                        {
                            "prompt": (
                                "Expliquer avec des mots simples le motif, la durée maximale et "
                                "les droits, puis faire reformuler"
                            ),
                            "answer": "",
                        },
                        {
                            "prompt": (
                                "Consigner l’heure de la notification, les droits demandés et leur "
                                "suite, et faire signer la personne"
                            ),
                            "answer": "",
                        },
                        {
                            "prompt": (
                                "Satisfaire sans retard injustifié les demandes de médecin ou "
                                "d’appel à la famille"
                            ),
                            "answer": "",
                        },
                    ],
                },
                {
                    "name": "DH M2 · Un transfert ne remet pas le délai à zéro",
                    "type": "truefalse",
                    "text": (
                        "<p>Le délai légal de garde à vue d’un suspect va expirer alors que les "
                        "vérifications ne sont pas terminées. Le transférer dans une autre unité "
                        "permet de faire repartir ce délai à zéro.</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "Le délai court depuis le début de la privation de liberté. Il faut "
                        "demander à temps la prolongation au procureur si la loi le permet ; "
                        "sinon, libérer la personne ou la présenter au magistrat."
                    ),
                    "choices": [
                        {
                            "text": "Vrai",
                            "fraction": 0,
                            "feedback": (
                                "Non : un transfert ne remet jamais le délai à zéro ; ce serait "
                                "une détention arbitraire."
                            ),
                        },
                        {
                            "text": "Faux",
                            "fraction": 100,
                            "feedback": (
                                "Exact : le délai court depuis le début de la privation de liberté."
                            ),
                        },
                    ],
                    "pairs": [],
                },
            ],
            [
                {
                    "name": "DH M3 · Les éléments de la définition de la torture",
                    "type": "multiple",
                    "text": (
                        "<p>Selon la définition de la Convention contre la torture présentée dans "
                        "la leçon, quels éléments caractérisent la torture ?</p>"
                    ),
                    "max_score": 2,
                    "general_feedback": (
                        "La définition comporte quatre éléments : des souffrances aiguës, "
                        "physiques ou mentales ; une intention ; un but ; l’implication d’un agent "
                        "public. Les actes moins graves restent interdits comme traitements "
                        "cruels, inhumains ou dégradants."
                    ),
                    "choices": [
                        {
                            "text": "Une douleur ou des souffrances aiguës, physiques ou mentales",
                            "fraction": 25,
                            "feedback": (
                                "Oui : les souffrances mentales (menaces, humiliations) peuvent "
                                "constituer une torture."
                            ),
                        },
                        {
                            "text": "Une intention",
                            "fraction": 25,
                            "feedback": "Oui : les souffrances sont infligées intentionnellement.",
                        },
                        {
                            "text": (
                                "Un but : obtenir des aveux ou des renseignements, punir, "
                                "intimider ou discriminer"
                            ),
                            "fraction": 25,
                            "feedback": "Oui.",
                        },
                        {
                            "text": (
                                "L’implication d’un agent public, qui agit lui-même, donne l’ordre "
                                "ou laisse faire"
                            ),
                            "fraction": 25,
                            "feedback": "Oui : laisser faire suffit à impliquer l’agent.",
                        },
                        {
                            "text": "Des blessures physiques visibles sur la personne",
                            "fraction": -50,
                            "feedback": "Non : des souffrances purement mentales peuvent suffire.",
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "DH M3 · Renouer le contact avec un village qui ne parle plus",
                    "type": "single",
                    "text": (
                        "<p>Après une opération près de Mopti, des habitants disent avoir été "
                        "molestés et des motos ont été confisquées sans reçu. Un mois plus tard, "
                        "aucun témoin n’accepte de parler à l’OPJ chargé d’enquêter sur un vol "
                        "avec violence. Quelle initiative est la plus adaptée ?</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "Le silence des habitants est la conséquence directe des abus perçus. La "
                        "confiance, condition de l’efficacité des enquêtes, se reconstruit par des "
                        "actes visibles, pas par des promesses."
                    ),
                    "choices": [
                        {
                            "text": (
                                "Convoquer les hommes du village et les retenir au poste jusqu’à "
                                "ce que l’un d’eux parle"
                            ),
                            "fraction": 0,
                            "feedback": (
                                "Non : ce serait une détention arbitraire et traiter une "
                                "communauté entière comme suspecte."
                            ),
                        },
                        {
                            "text": (
                                "Avec l’accord de sa hiérarchie, rencontrer les autorités "
                                "coutumières et religieuses, recevoir les plaintes sur l’opération "
                                "et organiser la restitution des motos contre reçu"
                            ),
                            "fraction": 100,
                            "feedback": "Exact : garantir aussi la confidentialité aux témoins.",
                        },
                        {
                            "text": (
                                "Promettre publiquement que les choses vont changer, sans autre "
                                "mesure"
                            ),
                            "fraction": 0,
                            "feedback": (
                                "Non : la confiance se reconstruit par des actes visibles, pas par "
                                "des promesses."
                            ),
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "DH M3 · Entretien confidentiel lors d’une visite de la CNDH",
                    "type": "truefalse",
                    "text": (
                        "<p>Deux membres de la CNDH se présentent sans préavis à une brigade de "
                        "Ségou et demandent à s’entretenir seuls avec un gardé à vue. L’adjoint du "
                        "commandant d’unité peut exiger d’assister à l’entretien.</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "Mécanisme national de prévention de la torture, la CNDH peut visiter sans "
                        "préavis les lieux de privation de liberté et s’entretenir en privé, sans "
                        "témoins, avec les personnes privées de liberté (Protocole facultatif, "
                        "articles 19 et 20)."
                    ),
                    "choices": [
                        {
                            "text": "Vrai",
                            "fraction": 0,
                            "feedback": (
                                "Non : l’entretien est confidentiel. Les gendarmes peuvent assurer "
                                "la sécurité à distance, sans écouter."
                            ),
                        },
                        {
                            "text": "Faux",
                            "fraction": 100,
                            "feedback": "Exact : l’entretien se tient sans témoins.",
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "DH M3 · La redevabilité",
                    "type": "short",
                    "text": (
                        "<p>Comment appelle-t-on l’obligation, pour l’agent public, de rendre "
                        "compte de ses actes et d’en assumer les conséquences devant sa "
                        "hiérarchie, la justice et la population ? (un mot)</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "La redevabilité suppose des actes traçables, des plaintes reçues et des "
                        "manquements sanctionnés (leçon « Bâtir la confiance entre les OPJ et la "
                        "population »)."
                    ),
                    "choices": [
                        {
                            "text": "redevabilité",
                            "fraction": 100,
                            "feedback": "Exact.",
                        },
                        {
                            "text": "*redevabilite*",
                            "fraction": 100,
                            "feedback": "Exact : c’est la redevabilité.",
                        },
                    ],
                    "pairs": [],
                },
            ],
        ],
        "final": [
            {
                "name": "DH Final · Instruments et années",
                "type": "matching",
                "text": (
                    "<p>Associez chaque instrument à son année, telle qu’elle figure dans le "
                    "cours.</p>"
                ),
                "max_score": 2,
                "general_feedback": (
                    "Ces instruments sont cités dans les leçons sur les catégories de droits, la "
                    "garde à vue et l’interdiction de la torture."
                ),
                "choices": [],
                "pairs": [
                    {
                        "prompt": "Déclaration universelle des droits de l’homme",
                        "answer": "1948",
                    },
                    {
                        "prompt": "Pacte international relatif aux droits civils et politiques",
                        "answer": "1966",
                    },
                    {
                        "prompt": "Charte africaine des droits de l’homme et des peuples",
                        "answer": "1981",
                    },
                    {
                        "prompt": (
                            "Convention contre la torture et autres peines ou traitements cruels, "
                            "inhumains ou dégradants"
                        ),
                        "answer": "1984",
                    },
                ],
            },
            {
                "name": "DH Final · Un droit indérogeable en état d’urgence",
                "type": "single",
                "text": (
                    "<p>Après une attaque dans le cercle de Bandiagara, l’état d’urgence est en "
                    "vigueur. Lequel de ces droits ne peut en aucun cas être suspendu ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Certains droits ne peuvent jamais être suspendus, même en état d’urgence : le "
                    "droit à la vie, l’interdiction de la torture et des traitements cruels, "
                    "inhumains ou dégradants, l’interdiction de l’esclavage et la "
                    "non-rétroactivité des infractions (Pacte, article 4)."
                ),
                "choices": [
                    {
                        "text": "La liberté de circulation",
                        "fraction": 0,
                        "feedback": (
                            "Non : l’état d’urgence peut permettre des restrictions prévues par la "
                            "loi, notamment de la circulation."
                        ),
                    },
                    {
                        "text": "La liberté de se rassembler",
                        "fraction": 0,
                        "feedback": (
                            "Non : les rassemblements peuvent être restreints dans les conditions "
                            "prévues par la loi."
                        ),
                    },
                    {
                        "text": "L’interdiction de l’esclavage",
                        "fraction": 100,
                        "feedback": (
                            "Exact : c’est un droit indérogeable, comme l’interdiction de la "
                            "torture."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DH Final · Tenue du registre de garde à vue",
                "type": "multiple",
                "text": (
                    "<p>Lors d’un contrôle du procureur, votre registre de garde à vue doit être "
                    "irréprochable. Quelles pratiques sont conformes à sa bonne tenue ?</p>"
                ),
                "max_score": 2,
                "general_feedback": (
                    "Le registre se tient au fur et à mesure, sans blanc ni rature non approuvée, "
                    "et concorde avec les procès-verbaux : ce qui n’est pas écrit est réputé ne "
                    "pas avoir été fait."
                ),
                "choices": [
                    {
                        "text": "Inscrire chaque personne dès son arrivée, avec l’heure exacte",
                        "fraction": 33.33333,
                        "feedback": "Oui.",
                    },
                    {
                        "text": (
                            "Noter au fur et à mesure les auditions, les repos, les repas et les "
                            "visites"
                        ),
                        "fraction": 33.33333,
                        "feedback": "Oui.",
                    },
                    {
                        "text": (
                            "Vérifier la concordance entre le registre et les procès-verbaux avant "
                            "transmission"
                        ),
                        "fraction": 33.33334,
                        "feedback": "Oui.",
                    },
                    {
                        "text": "Remplir le registre en fin de journée, de mémoire",
                        "fraction": -50,
                        "feedback": "Non : le registre se tient au fur et à mesure.",
                    },
                    {
                        "text": "Corriger une heure erronée sans mention ni approbation",
                        "fraction": -50,
                        "feedback": "Non : aucune rature ou correction non approuvée n’est admise.",
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DH Final · Réagir à un mauvais traitement constaté",
                "type": "ordering",
                "text": (
                    "<p>Dans une cellule de votre unité, vous surprenez un collègue en train de "
                    "gifler un gardé à vue. Remettez dans l’ordre les réactions attendues de "
                    "l’OPJ.</p>"
                ),
                "max_score": 2,
                "general_feedback": (
                    "Témoin d’un mauvais traitement, l’OPJ intervient, fait soigner et signale. Il "
                    "consigne aussi les faits et préserve les éléments de preuve, sans jamais "
                    "détourner le regard par solidarité entre collègues."
                ),
                "choices": [],
                "pairs": [
                    {
                        "prompt": (
                            "Faire cesser immédiatement les violences et protéger la personne"
                        ),
                        "answer": "",
                    },
                    {
                        "prompt": "Faire examiner et soigner la personne sans délai",
                        "answer": "",
                    },
                    {
                        "prompt": (
                            "Rendre compte à la hiérarchie et informer le procureur de la "
                            "République"
                        ),
                        "answer": "",
                    },
                ],
            },
            {
                "name": "DH Final · Le mécanisme national de prévention de la torture",
                "type": "short",
                "text": (
                    "<p>Au Mali, quelle institution a été désignée comme mécanisme national de "
                    "prévention de la torture ? (sigle ou nom complet)</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "La CNDH est à la fois institution nationale des droits de l’homme et "
                    "mécanisme national de prévention de la torture : elle peut visiter sans "
                    "préavis les lieux de garde à vue."
                ),
                "choices": [
                    {
                        "text": "CNDH",
                        "fraction": 100,
                        "feedback": "Exact : la Commission nationale des droits de l’homme.",
                    },
                    {
                        "text": "*commission nationale des droits de l*homme*",
                        "fraction": 100,
                        "feedback": "Exact.",
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DH Final · Début de la crise sécuritaire",
                "type": "numerical",
                "text": (
                    "<p>Depuis quelle année le Mali traverse-t-il la crise sécuritaire qui pèse "
                    "lourdement sur les populations, et dans laquelle la CNDH cherche à concilier "
                    "respect des droits et impératifs sécuritaires ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Depuis 2012, le Mali traverse une crise sécuritaire qui pèse en particulier "
                    "sur les femmes, les filles et les personnes en situation de vulnérabilité."
                ),
                "choices": [
                    {
                        "text": "2012",
                        "fraction": 100,
                        "tolerance": 0,
                        "feedback": "Exact : depuis 2012.",
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DH Final · Plainte visant des agents d’une autre unité",
                "type": "single",
                "text": (
                    "<p>À Bamako, une mère signale que son fils a été frappé la veille par les "
                    "agents d’une autre unité lors d’une interpellation. Le chef de poste veut "
                    "l’envoyer à la CNDH. Que doit faire l’OPJ ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Des coups portés par des agents publics sont une infraction. Recevoir une "
                    "plainte visant un agent public fait partie des devoirs de l’OPJ : orienter "
                    "vers la CNDH ne l’en dispense jamais."
                ),
                "choices": [
                    {
                        "text": (
                            "L’orienter vers la CNDH sans enregistrer la plainte, puisque les "
                            "faits concernent une autre unité"
                        ),
                        "fraction": 0,
                        "feedback": (
                            "Non : la CNDH peut être saisie en plus, mais la plainte doit être "
                            "reçue."
                        ),
                    },
                    {
                        "text": (
                            "Recevoir la plainte, la consigner et la transmettre au procureur de "
                            "la République, en conseillant un examen médical rapide"
                        ),
                        "fraction": 100,
                        "feedback": "Exact : le procureur décidera des suites.",
                    },
                    {
                        "text": (
                            "Lui conseiller de saisir directement la Commission africaine des "
                            "droits de l’homme et des peuples"
                        ),
                        "fraction": 0,
                        "feedback": (
                            "Non : les mécanismes régionaux n’interviennent qu’après les voies "
                            "nationales."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DH Final · Aveu obtenu par la torture",
                "type": "truefalse",
                "text": (
                    "<p>Un aveu obtenu par la torture peut être utilisé comme preuve contre le "
                    "suspect qui l’a fait.</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "La Convention contre la torture (article 15) interdit d’utiliser comme preuve "
                    "une déclaration obtenue par la torture, sauf contre l’auteur de la torture. "
                    "Les aveux arrachés par la violence sont souvent faux et font échouer les "
                    "poursuites."
                ),
                "choices": [
                    {
                        "text": "Vrai",
                        "fraction": 0,
                        "feedback": (
                            "Non : un aveu obtenu par la torture ne peut pas servir de preuve "
                            "contre le suspect."
                        ),
                    },
                    {
                        "text": "Faux",
                        "fraction": 100,
                        "feedback": (
                            "Exact : il ne peut servir de preuve que contre l’auteur de la torture."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DH Final · Le délai de garde à vue arrive à son terme",
                "type": "single",
                "text": (
                    "<p>À la brigade de Mopti, le délai légal de garde à vue d’un suspect arrive "
                    "à son terme, mais les vérifications ne sont pas terminées. Que devez-vous "
                    "faire ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Le procureur de la République contrôle la garde à vue et autorise une "
                    "éventuelle prolongation, dans les limites fixées par le Code de procédure "
                    "pénale. Au-delà du délai, la détention devient arbitraire : anticipez et "
                    "saisissez le parquet avant son expiration."
                ),
                "choices": [
                    {
                        "text": (
                            "Le garder encore quelques heures « à disposition », sans l’inscrire "
                            "au registre"
                        ),
                        "fraction": 0,
                        "feedback": (
                            "Non : c’est une détention arbitraire, qui engage votre "
                            "responsabilité et fragilise la procédure."
                        ),
                    },
                    {
                        "text": (
                            "Demander à temps la prolongation au procureur si la loi le permet ; "
                            "sinon, libérer la personne ou la présenter au magistrat"
                        ),
                        "fraction": 100,
                        "feedback": (
                            "Exact : seul le magistrat peut autoriser une prolongation, dans les "
                            "limites de la loi."
                        ),
                    },
                    {
                        "text": "Le transférer dans une autre unité pour faire repartir le délai",
                        "fraction": 0,
                        "feedback": (
                            "Non : le délai court depuis le début de la privation de liberté ; un "
                            "transfert ne le remet jamais à zéro."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DH Final · Ce qui construit la confiance de la population",
                "type": "multiple",
                "text": (
                    "<p>Après une opération contestée près de Mopti, votre unité veut regagner la "
                    "confiance des habitants. Quelles pratiques la construisent ?</p>"
                ),
                "max_score": 2,
                "general_feedback": (
                    "La confiance se construit par des actes visibles : un accueil respectueux "
                    "dans la langue de l’usager, des plaintes enregistrées et suivies même "
                    "lorsqu’elles visent des agents publics, l’information des familles et la "
                    "restitution des biens saisis contre reçu. Elle est une condition de "
                    "l’efficacité des enquêtes."
                ),
                "choices": [
                    {
                        "text": (
                            "Accueillir chaque usager avec respect, dans sa langue, quelles que "
                            "soient son origine et sa condition"
                        ),
                        "fraction": 33.33333,
                        "feedback": "Oui.",
                    },
                    {
                        "text": (
                            "Enregistrer et suivre les plaintes, y compris celles qui visent des "
                            "agents publics"
                        ),
                        "fraction": 33.33333,
                        "feedback": "Oui.",
                    },
                    {
                        "text": "Restituer les biens saisis contre reçu",
                        "fraction": 33.33334,
                        "feedback": "Oui.",
                    },
                    {
                        "text": (
                            "Traiter toute la population du village comme proche des groupes "
                            "armés qui opèrent dans la zone"
                        ),
                        "fraction": -50,
                        "feedback": (
                            "Non : l’amalgame entre une population et les groupes armés nourrit "
                            "la peur et la défiance."
                        ),
                    },
                    {
                        "text": "Décourager une plainte au motif qu’elle vise un agent public",
                        "fraction": -50,
                        "feedback": (
                            "Non : une plainte qui vise un agent public s’enregistre et se suit "
                            "comme les autres."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DH Final · Souffrances mentales et torture",
                "type": "truefalse",
                "text": (
                    "<p>Des menaces contre la famille d’un suspect ou un simulacre d’exécution ne "
                    "laissent aucune trace physique : ils ne peuvent donc pas constituer une "
                    "torture.</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "La Convention contre la torture vise les douleurs ou souffrances aiguës, "
                    "physiques ou mentales, infligées intentionnellement par un agent public ou "
                    "avec son consentement, notamment pour obtenir des aveux ou intimider. Les "
                    "actes moins graves restent interdits comme traitements cruels, inhumains ou "
                    "dégradants."
                ),
                "choices": [
                    {
                        "text": "Vrai",
                        "fraction": 0,
                        "feedback": (
                            "Non : les souffrances mentales peuvent constituer une torture."
                        ),
                    },
                    {
                        "text": "Faux",
                        "fraction": 100,
                        "feedback": (
                            "Exact : la définition couvre les souffrances physiques ou mentales."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DH Final · Un mineur placé en garde à vue",
                "type": "single",
                "text": (
                    "<p>Une patrouille de la brigade de Ségou ramène un garçon de quinze ans "
                    "soupçonné d’un vol au marché. Il est placé en garde à vue. Que faites-vous "
                    "en plus de la notification de ses droits ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Pour un mineur, le parquet et la famille sont informés sans délai, et les "
                    "règles particulières prévues pour les enfants en conflit avec la loi "
                    "s’appliquent, dont la séparation des mineurs et des adultes."
                ),
                "choices": [
                    {
                        "text": (
                            "Informer sans délai le parquet et sa famille, et appliquer les "
                            "règles particulières prévues pour les enfants"
                        ),
                        "fraction": 100,
                        "feedback": "Exact.",
                    },
                    {
                        "text": (
                            "Le placer avec les adultes gardés à vue, pour qu’il soit surveillé "
                            "par ses aînés"
                        ),
                        "fraction": 0,
                        "feedback": (
                            "Non : les mineurs sont séparés des adultes, comme les femmes des "
                            "hommes."
                        ),
                    },
                    {
                        "text": (
                            "Attendre la fin de l’audition pour prévenir sa famille, afin "
                            "qu’elle n’influence pas ses réponses"
                        ),
                        "fraction": 0,
                        "feedback": ("Non : pour un mineur, la famille est informée sans délai."),
                    },
                ],
                "pairs": [],
            },
        ],
    },
    "defenseurs-droits-humains-mnpddh": {
        "modules": [
            [
                {
                    "name": "DEF M1 · Reconnaître un défenseur des droits humains",
                    "type": "single",
                    "text": (
                        "<p>Lors d’une permanence au commissariat, vous recevez trois personnes. "
                        "Laquelle agit en qualité de défenseur des droits humains ?</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "On n’est pas défenseur par un diplôme, un statut ou une profession, mais "
                        "par son activité pacifique en faveur des droits d’autrui."
                    ),
                    "choices": [
                        {
                            "text": (
                                "Un leader communautaire qui aide pacifiquement des familles "
                                "déplacées à porter plainte pour des violences"
                            ),
                            "fraction": 100,
                            "feedback": (
                                "Exact : il agit pacifiquement pour protéger les droits d’autrui."
                            ),
                        },
                        {
                            "text": "Un commerçant qui conteste une taxe qui ne concerne que lui",
                            "fraction": 0,
                            "feedback": (
                                "Défendre son intérêt personnel est légitime, mais ne fait pas de "
                                "lui un défenseur des droits humains."
                            ),
                        },
                        {
                            "text": (
                                "Un jeune homme qui incendie le bureau d’un chef de village pour "
                                "dénoncer une injustice"
                            ),
                            "fraction": 0,
                            "feedback": (
                                "Le recours à la violence exclut toute action en qualité de "
                                "défenseur."
                            ),
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "DEF M1 · Les repères qui font le défenseur",
                    "type": "multiple",
                    "text": (
                        "<p>Selon la leçon, quels repères permettent de reconnaître un défenseur "
                        "des droits humains ?</p>"
                    ),
                    "max_score": 2,
                    "general_feedback": (
                        "Trois repères suffisent : l’activité porte sur les droits d’autrui, les "
                        "moyens sont pacifiques et le défenseur reconnaît les droits de tous "
                        "(leçon « La notion de défenseur des droits humains »)."
                    ),
                    "choices": [
                        {
                            "text": (
                                "Son activité porte sur les droits d’autrui ou de groupes (femmes, "
                                "enfants, déplacés, détenus…)"
                            ),
                            "fraction": 33.33333,
                            "feedback": "Oui : c’est le repère de l’activité.",
                        },
                        {
                            "text": "Il agit par des moyens pacifiques",
                            "fraction": 33.33333,
                            "feedback": "Oui.",
                        },
                        {
                            "text": (
                                "Il reconnaît les droits de tous, y compris de ceux qui ne "
                                "partagent pas ses opinions"
                            ),
                            "fraction": 33.33334,
                            "feedback": "Oui : c’est le repère de l’universalité.",
                        },
                        {
                            "text": "Il est membre d’une organisation officiellement reconnue",
                            "fraction": -50,
                            "feedback": (
                                "Non : on n’est pas défenseur par un statut, mais par ce que l’on "
                                "fait."
                            ),
                        },
                        {
                            "text": "Il exerce la profession d’avocat ou de journaliste",
                            "fraction": -50,
                            "feedback": (
                                "Non : un enseignant, un leader communautaire ou un agent public "
                                "peut aussi être défenseur."
                            ),
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "DEF M1 · Une dénonciation inexacte",
                    "type": "truefalse",
                    "text": (
                        "<p>Une personne dont une dénonciation se révèle inexacte perd la qualité "
                        "de défenseur des droits humains.</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "Il n’est pas nécessaire d’avoir raison sur chaque dénonciation pour être "
                        "défenseur : une allégation inexacte se vérifie et se conteste, elle ne se "
                        "réprime pas par la force."
                    ),
                    "choices": [
                        {
                            "text": "Vrai",
                            "fraction": 0,
                            "feedback": (
                                "Non : c’est l’activité pacifique en faveur des droits d’autrui "
                                "qui fait le défenseur."
                            ),
                        },
                        {
                            "text": "Faux",
                            "fraction": 100,
                            "feedback": (
                                "Exact : une allégation inexacte se vérifie et se conteste."
                            ),
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "DEF M1 · Les représailles",
                    "type": "short",
                    "text": (
                        "<p>Une défenseure de Sévaré a témoigné devant la CNDH. Depuis, sa famille "
                        "subit des pressions et elle est menacée d’arrestation. Comment "
                        "appelle-t-on ces mesures hostiles prises contre une personne parce "
                        "qu’elle a dénoncé une violation, coopéré avec une institution de "
                        "protection ou témoigné ? (un mot)</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "Les représailles sont prohibées et doivent elles-mêmes faire l’objet "
                        "d’une enquête (leçon « Le rôle des défenseurs et les risques qu’ils "
                        "courent »)."
                    ),
                    "choices": [
                        {
                            "text": "représailles",
                            "fraction": 100,
                            "feedback": "Exact.",
                        },
                        {
                            "text": "*représaille*",
                            "fraction": 100,
                            "feedback": "Exact : ce sont des représailles.",
                        },
                    ],
                    "pairs": [],
                },
            ],
            [
                {
                    "name": "DEF M2 · Année de la Déclaration des Nations unies sur les défenseurs",
                    "type": "numerical",
                    "text": (
                        "<p>En quelle année l’Assemblée générale des Nations unies a-t-elle adopté "
                        "la Déclaration sur les défenseurs des droits de l’homme (résolution "
                        "53/144) ?</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "La Déclaration a été adoptée le 9 décembre 1998. Elle ne crée pas de "
                        "droits nouveaux : elle rassemble, au profit des défenseurs, des droits "
                        "déjà garantis par les traités."
                    ),
                    "choices": [
                        {
                            "text": "1998",
                            "fraction": 100,
                            "tolerance": 0,
                            "feedback": "Exact : le 9 décembre 1998.",
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "DEF M2 · Garde à vue demandée pour un rapport",
                    "type": "single",
                    "text": (
                        "<p>Une association de Mopti publie un rapport sur des extorsions à des "
                        "postes de contrôle. Un responsable local demande à l’OPJ de service de "
                        "placer le coordonnateur en garde à vue à cause de ce rapport. Que prévoit "
                        "la loi n°2018-003 ?</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "L’article 5 de la loi interdit de poursuivre, rechercher, arrêter, "
                        "détenir ou juger un défenseur pour les opinions émises et les rapports "
                        "publiés dans le cadre de ses activités. Les extorsions dénoncées, elles, "
                        "doivent être signalées au parquet."
                    ),
                    "choices": [
                        {
                            "text": (
                                "La garde à vue est possible si le rapport déplaît aux autorités "
                                "locales"
                            ),
                            "fraction": 0,
                            "feedback": (
                                "Non : une activité de défense des droits n’est pas une infraction."
                            ),
                        },
                        {
                            "text": (
                                "Le défenseur ne peut être arrêté ni détenu pour les rapports "
                                "publiés dans le cadre de ses activités : une garde à vue pour ce "
                                "motif serait arbitraire"
                            ),
                            "fraction": 100,
                            "feedback": "Exact : c’est l’article 5 de la loi.",
                        },
                        {
                            "text": (
                                "La garde à vue est possible pour identifier les sources du rapport"
                            ),
                            "fraction": 0,
                            "feedback": (
                                "Non : exposer les sources met en danger les victimes et les "
                                "témoins et détourne la procédure de son but."
                            ),
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "DEF M2 · Conditions d’une restriction légitime d’une liberté",
                    "type": "multiple",
                    "text": (
                        "<p>Une autorité envisage de restreindre une réunion publique organisée "
                        "par une association de défense des droits humains à Ségou. À quelles "
                        "conditions cette restriction serait-elle légitime ?</p>"
                    ),
                    "max_score": 2,
                    "general_feedback": (
                        "Une restriction des libertés d’expression, de réunion ou d’association "
                        "doit être prévue par la loi, poursuivre un but légitime et être "
                        "nécessaire et proportionnée. Une restriction qui vise à faire taire une "
                        "critique ne remplit pas ces conditions."
                    ),
                    "choices": [
                        {
                            "text": "Elle est prévue par la loi",
                            "fraction": 33.33333,
                            "feedback": "Oui.",
                        },
                        {
                            "text": (
                                "Elle poursuit un but légitime (ordre public, sécurité, droits "
                                "d’autrui)"
                            ),
                            "fraction": 33.33333,
                            "feedback": "Oui.",
                        },
                        {
                            "text": "Elle est nécessaire et proportionnée à ce but",
                            "fraction": 33.33334,
                            "feedback": "Oui.",
                        },
                        {
                            "text": "Elle vise à empêcher la critique de l’action des autorités",
                            "fraction": -50,
                            "feedback": "Non : faire taire une critique n’est pas un but légitime.",
                        },
                        {
                            "text": (
                                "Elle est décidée oralement par un responsable local, sans texte"
                            ),
                            "fraction": -50,
                            "feedback": "Non : la restriction doit être prévue par la loi.",
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": (
                        "DEF M2 · Pas d’immunité pour les infractions sans lien avec l’activité"
                    ),
                    "type": "truefalse",
                    "text": (
                        "<p>La loi n°2018-003 accorde aux défenseurs une immunité : un défenseur "
                        "soupçonné d’un vol sans lien avec ses activités ne peut faire l’objet "
                        "d’aucune mesure de contrainte.</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "La loi ne crée pas d’immunité : un défenseur soupçonné d’une infraction "
                        "sans lien avec l’exercice légitime de ses activités est soumis à la "
                        "procédure ordinaire, avec toutes les garanties. En cas de doute, l’OPJ "
                        "rend compte au procureur."
                    ),
                    "choices": [
                        {
                            "text": "Vrai",
                            "fraction": 0,
                            "feedback": (
                                "Non : la loi protège l’activité de défense, pas les infractions "
                                "sans lien avec elle."
                            ),
                        },
                        {
                            "text": "Faux",
                            "fraction": 100,
                            "feedback": (
                                "Exact : la procédure ordinaire s’applique, avec toutes les "
                                "garanties."
                            ),
                        },
                    ],
                    "pairs": [],
                },
            ],
            [
                {
                    "name": "DEF M3 · La saisine",
                    "type": "short",
                    "text": (
                        "<p>Comment appelle-t-on l’acte par lequel une personne ou une "
                        "organisation soumet une situation à une institution (procureur, CNDH, "
                        "mécanisme international) pour qu’elle l’examine et agisse dans le cadre "
                        "de ses compétences ? (un mot)</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "La saisine de la CNDH au titre du mécanisme de protection peut venir du "
                        "défenseur, d’un proche ou d’une organisation qui le soutient, avec son "
                        "accord."
                    ),
                    "choices": [
                        {
                            "text": "saisine",
                            "fraction": 100,
                            "feedback": "Exact.",
                        },
                        {
                            "text": "*saisine*",
                            "fraction": 100,
                            "feedback": "Exact : une saisine.",
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "DEF M3 · Les trois fonctions d’un mécanisme de protection",
                    "type": "matching",
                    "text": (
                        "<p>Associez chaque fonction du mécanisme national de protection des "
                        "défenseurs à son contenu.</p>"
                    ),
                    "max_score": 2,
                    "general_feedback": (
                        "Prévenir, protéger, promouvoir : ce sont les trois fonctions présentées "
                        "dans la leçon sur le MNPDDH. Le mécanisme n’a ni armes ni pouvoirs de "
                        "police : il s’appuie sur les autorités judiciaires et les forces de "
                        "sécurité."
                    ),
                    "choices": [],
                    "pairs": [
                        {
                            "prompt": "Prévenir",
                            "answer": (
                                "Sensibiliser les autorités, les forces de sécurité et le public "
                                "au rôle des défenseurs"
                            ),
                        },
                        {
                            "prompt": "Protéger",
                            "answer": (
                                "Recevoir et traiter, dans la confidentialité, les cas de "
                                "défenseurs menacés"
                            ),
                        },
                        {
                            "prompt": "Promouvoir",
                            "answer": (
                                "Plaider et formuler des recommandations à l’État pour améliorer "
                                "lois et pratiques"
                            ),
                        },
                    ],
                },
                {
                    "name": "DEF M3 · La mise en place du MNPDDH",
                    "type": "ordering",
                    "text": (
                        "<p>Remettez dans l’ordre chronologique les étapes de la mise en place du "
                        "Mécanisme national de protection des défenseurs des droits humains "
                        "(MNPDDH).</p>"
                    ),
                    "max_score": 2,
                    "general_feedback": (
                        "Loi de 2018, recommandation de septembre 2023, retraite de Banankoro en "
                        "décembre 2024, validation à Bamako le 16 janvier 2025, puis "
                        "sensibilisation de la société civile : la mise en place du mécanisme est "
                        "progressive."
                    ),
                    "choices": [],
                    "pairs": [
                        {
                            "prompt": (
                                "Adoption de la loi relative aux défenseurs, en application de "
                                "laquelle le mécanisme est confié à la CNDH"
                            ),
                            "answer": "",
                        },
                        {
                            "prompt": (
                                "Recommandation de défenseurs, à l’issue d’une formation de la "
                                "CNDH, de renforcer la CNDH pour rendre le mécanisme opérationnel"
                            ),
                            "answer": "",
                        },
                        {
                            "prompt": (
                                "Retraite de trois jours à Banankoro pour élaborer les documents "
                                "stratégiques"
                            ),
                            "answer": "",
                        },
                        {
                            "prompt": (
                                "Validation des documents stratégiques lors d’un atelier à Bamako"
                            ),
                            "answer": "",
                        },
                        {
                            "prompt": (
                                "Sensibilisation des organisations de la société civile au "
                                "mécanisme et à ses voies de saisine"
                            ),
                            "answer": "",
                        },
                    ],
                },
                {
                    "name": "DEF M3 · Épuisement des voies de recours internes",
                    "type": "single",
                    "text": (
                        "<p>Un défenseur de Kayes, menacé, veut adresser une plainte individuelle "
                        "à la Commission africaine des droits de l’homme et des peuples sans avoir "
                        "porté plainte au Mali. Que devez-vous lui expliquer ?</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "Les mécanismes régionaux et internationaux complètent la protection "
                        "nationale sans la remplacer : une plainte bien reçue et bien instruite au "
                        "niveau national est la meilleure protection, pour le défenseur comme pour "
                        "l’État."
                    ),
                    "choices": [
                        {
                            "text": (
                                "La plupart de ces mécanismes exigent d’abord que les recours "
                                "internes aient été tentés, sauf s’ils sont inexistants, "
                                "inefficaces ou anormalement longs"
                            ),
                            "fraction": 100,
                            "feedback": "Exact : c’est l’épuisement des voies de recours internes.",
                        },
                        {
                            "text": (
                                "La Commission africaine ne peut jamais être saisie au sujet d’un "
                                "défenseur"
                            ),
                            "fraction": 0,
                            "feedback": (
                                "Non : elle reçoit des communications et dispose d’un Rapporteur "
                                "spécial sur les défenseurs."
                            ),
                        },
                        {
                            "text": (
                                "S’adresser à un mécanisme international est interdit et l’expose "
                                "à des poursuites"
                            ),
                            "fraction": 0,
                            "feedback": (
                                "Non : c’est un droit reconnu par la Déclaration de 1998 ; toute "
                                "mesure hostile serait une représaille."
                            ),
                        },
                    ],
                    "pairs": [],
                },
            ],
        ],
        "final": [
            {
                "name": "DEF Final · Promulgation de la loi malienne sur les défenseurs",
                "type": "numerical",
                "text": (
                    "<p>En quelle année a été promulguée la loi malienne relative aux défenseurs "
                    "des droits de l’homme, qui a fait du Mali l’un des premiers États africains à "
                    "se doter d’une loi spécifique ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Adoptée le 13 décembre 2017, la loi a été promulguée le 12 janvier 2018, "
                    "après celles de la Côte d’Ivoire et du Burkina Faso."
                ),
                "choices": [
                    {
                        "text": "2018",
                        "fraction": 100,
                        "tolerance": 0,
                        "feedback": "Exact : le 12 janvier 2018.",
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DEF Final · Les dates clés",
                "type": "matching",
                "text": "<p>Associez chaque événement à sa date.</p>",
                "max_score": 2,
                "general_feedback": (
                    "Ces dates jalonnent le cours : la Déclaration des Nations unies, la loi "
                    "malienne, l’atelier de Koulikoro et la validation des documents du MNPDDH."
                ),
                "choices": [],
                "pairs": [
                    {
                        "prompt": "Adoption de la Déclaration des Nations unies sur les défenseurs",
                        "answer": "9 décembre 1998",
                    },
                    {
                        "prompt": "Promulgation de la loi malienne relative aux défenseurs",
                        "answer": "12 janvier 2018",
                    },
                    {
                        "prompt": "Atelier de Koulikoro sur le concept de défenseur",
                        "answer": "13 avril 2019",
                    },
                    {
                        "prompt": "Validation à Bamako des documents stratégiques du MNPDDH",
                        "answer": "16 janvier 2025",
                    },
                ],
            },
            {
                "name": "DEF Final · Le contenu d’un signalement utile",
                "type": "multiple",
                "text": (
                    "<p>Vous aidez un défenseur menacé à préparer son signalement. Quels éléments "
                    "un signalement utile doit-il contenir ?</p>"
                ),
                "max_score": 2,
                "general_feedback": (
                    "Un bon signalement décrit les activités du défenseur et leur lien avec les "
                    "menaces, les faits, les preuves, les démarches déjà accomplies et l’urgence "
                    "(leçon « Saisir le mécanisme et traiter la plainte d’un défenseur menacé »)."
                ),
                "choices": [
                    {
                        "text": "Le lien entre ses activités et les menaces reçues",
                        "fraction": 25,
                        "feedback": "Oui.",
                    },
                    {
                        "text": "Les faits : dates, lieux, auteurs connus ou soupçonnés, témoins",
                        "fraction": 25,
                        "feedback": "Oui.",
                    },
                    {
                        "text": (
                            "Les éléments de preuve : captures d’écran, enregistrements d’appels, "
                            "photos, certificats médicaux"
                        ),
                        "fraction": 25,
                        "feedback": "Oui.",
                    },
                    {
                        "text": "Les démarches déjà accomplies (plainte, main courante)",
                        "fraction": 25,
                        "feedback": "Oui.",
                    },
                    {
                        "text": (
                            "Ses opinions politiques et les sources de financement de son "
                            "organisation"
                        ),
                        "fraction": -50,
                        "feedback": (
                            "Non : interroger le défenseur sur ses opinions ou ses financements "
                            "fait partie de ce qu’il ne faut pas faire."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DEF Final · Plainte pénale et saisine de la CNDH",
                "type": "truefalse",
                "text": (
                    "<p>Lorsqu’un défenseur menacé a saisi la CNDH au titre du mécanisme de "
                    "protection, l’OPJ n’a plus à enregistrer sa plainte.</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Plainte pénale et saisine de la CNDH sont complémentaires : l’une ne remplace "
                    "pas l’autre. Le mécanisme n’a pas de pouvoirs de police ; ce sont les "
                    "autorités judiciaires et les forces de sécurité qui enquêtent."
                ),
                "choices": [
                    {
                        "text": "Vrai",
                        "fraction": 0,
                        "feedback": (
                            "Non : renvoyer vers la CNDH sans enregistrer la plainte fait partie "
                            "de ce qu’il ne faut pas faire."
                        ),
                    },
                    {
                        "text": "Faux",
                        "fraction": 100,
                        "feedback": "Exact : les deux démarches sont complémentaires.",
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DEF Final · Recevoir la plainte d’une défenseure menacée",
                "type": "single",
                "text": (
                    "<p>La présidente d’une association qui accompagne des victimes de violences "
                    "basées sur le genre reçoit des SMS menaçants depuis qu’elle soutient une "
                    "victime en justice. Elle se présente au commissariat. Quelle réponse est la "
                    "plus complète ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Les menaces sont une infraction : l’OPJ enregistre la plainte, recueille les "
                    "preuves, informe le procureur, évalue le risque et informe la défenseure de "
                    "la possibilité de saisir la CNDH."
                ),
                "choices": [
                    {
                        "text": (
                            "Enregistrer la plainte, recueillir les messages, informer le "
                            "procureur, évaluer le risque avec elle et l’informer qu’elle peut "
                            "aussi saisir la CNDH"
                        ),
                        "fraction": 100,
                        "feedback": (
                            "Exact : l’OPJ consigne aussi qu’il lui a donné cette information."
                        ),
                    },
                    {
                        "text": (
                            "L’orienter vers la CNDH, chargée du mécanisme de protection, sans "
                            "enregistrer de plainte"
                        ),
                        "fraction": 0,
                        "feedback": "Non : la saisine de la CNDH ne remplace pas la plainte.",
                    },
                    {
                        "text": (
                            "Lui conseiller de cesser d’accompagner la victime pour que les "
                            "menaces s’arrêtent"
                        ),
                        "fraction": 0,
                        "feedback": (
                            "Non : ce conseil reviendrait à atteindre le but recherché par ceux "
                            "qui la menacent."
                        ),
                    },
                    {
                        "text": "Lui demander d’abord qui finance son association",
                        "fraction": 0,
                        "feedback": (
                            "Non : interroger un défenseur sur ses opinions ou ses financements "
                            "est à proscrire."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DEF Final · Le Rapporteur spécial",
                "type": "short",
                "text": (
                    "<p>Quel titre porte l’expert indépendant, désigné par le Conseil des droits "
                    "de l’homme des Nations unies, qui reçoit des informations sur la situation "
                    "des défenseurs et adresse aux gouvernements des appels urgents ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Le Rapporteur spécial sur la situation des défenseurs des droits de l’homme ; "
                    "la Commission africaine dispose aussi d’un Rapporteur spécial sur les "
                    "défenseurs en Afrique."
                ),
                "choices": [
                    {
                        "text": "Rapporteur spécial",
                        "fraction": 100,
                        "feedback": "Exact.",
                    },
                    {
                        "text": "*rapporteur*",
                        "fraction": 100,
                        "feedback": "Exact : le Rapporteur spécial.",
                    },
                ],
                "pairs": [],
            },
            {
                "name": (
                    "DEF Final · Défenseur soupçonné d’une infraction sans lien avec ses activités"
                ),
                "type": "single",
                "text": (
                    "<p>Le trésorier d’une association de défense des droits humains est soupçonné "
                    "d’avoir volé la caisse d’une coopérative, sans lien avec ses activités de "
                    "défense. Comment l’OPJ doit-il procéder ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "La loi n°2018-003 protège l’activité de défense des droits, sans créer "
                    "d’immunité pour les infractions sans lien avec elle."
                ),
                "choices": [
                    {
                        "text": (
                            "Il ne peut rien faire : la loi relative aux défenseurs lui accorde "
                            "une immunité"
                        ),
                        "fraction": 0,
                        "feedback": "Non : la loi ne crée pas d’immunité.",
                    },
                    {
                        "text": (
                            "Il applique la procédure ordinaire avec toutes les garanties et, en "
                            "cas de doute, rend compte au procureur avant toute mesure de "
                            "contrainte"
                        ),
                        "fraction": 100,
                        "feedback": "Exact.",
                    },
                    {
                        "text": (
                            "Il en profite pour saisir son ordinateur afin d’identifier les "
                            "sources de ses rapports"
                        ),
                        "fraction": 0,
                        "feedback": (
                            "Non : identifier des sources pour les exposer détourne la procédure "
                            "de son but et met des vies en danger."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DEF Final · La Déclaration de 1998 et les droits existants",
                "type": "truefalse",
                "text": (
                    "<p>La Déclaration des Nations unies sur les défenseurs des droits de l’homme "
                    "(1998) crée des droits nouveaux, qu’aucun traité ne garantissait "
                    "jusque-là.</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "La Déclaration ne crée pas de droits nouveaux : elle rassemble, au profit des "
                    "défenseurs, des droits déjà garantis par des traités que le Mali a ratifiés, "
                    "comme le Pacte international relatif aux droits civils et politiques et la "
                    "Charte africaine."
                ),
                "choices": [
                    {
                        "text": "Vrai",
                        "fraction": 0,
                        "feedback": (
                            "Non : elle rassemble des droits déjà garantis par les traités."
                        ),
                    },
                    {
                        "text": "Faux",
                        "fraction": 100,
                        "feedback": (
                            "Exact : liberté d’expression, de réunion, d’association, etc. étaient "
                            "déjà garanties."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DEF Final · Des inconnus qui repèrent les horaires d’une défenseure",
                "type": "single",
                "text": (
                    "<p>Une défenseure de Sévaré signale que des inconnus ont demandé à ses "
                    "voisins à quelle heure elle quitte son bureau. Quelle est la réaction "
                    "professionnelle ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Les repérages (questions aux voisins, véhicules inconnus, filatures) sont des "
                    "signaux sérieux, qui peuvent précéder une agression ou un enlèvement. "
                    "Défendre les défenseurs, c’est prendre au sérieux les menaces qu’ils "
                    "signalent et enquêter."
                ),
                "choices": [
                    {
                        "text": "Lui conseiller de cesser ses activités quelque temps",
                        "fraction": 0,
                        "feedback": (
                            "Non : ce conseil reviendrait à atteindre le but recherché par ceux "
                            "qui la menacent."
                        ),
                    },
                    {
                        "text": (
                            "Enregistrer ses déclarations, évaluer le risque avec elle et en "
                            "informer le parquet et la hiérarchie"
                        ),
                        "fraction": 100,
                        "feedback": (
                            "Exact : un repérage de ses habitudes appelle une évaluation du "
                            "risque et des mesures de prévention."
                        ),
                    },
                    {
                        "text": "Attendre qu’une menace soit formulée avant d’agir",
                        "fraction": 0,
                        "feedback": (
                            "Non : attendre, c’est laisser le risque grandir ; la surveillance "
                            "est un signal d’alerte."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DEF Final · Les droits que rassemble la Déclaration de 1998",
                "type": "multiple",
                "text": (
                    "<p>La Déclaration des Nations unies de 1998 rassemble, au profit des "
                    "défenseurs, des droits déjà garantis par les traités que le Mali a ratifiés. "
                    "Lesquels en font partie ?</p>"
                ),
                "max_score": 2,
                "general_feedback": (
                    "La Déclaration rassemble notamment la liberté d’opinion et d’expression, de "
                    "réunion pacifique et d’association, et le droit de communiquer avec des "
                    "organisations non gouvernementales ou intergouvernementales. Elle ne crée ni "
                    "droit nouveau ni immunité."
                ),
                "choices": [
                    {
                        "text": "La liberté d’opinion et d’expression",
                        "fraction": 33.33333,
                        "feedback": "Oui.",
                    },
                    {
                        "text": "La liberté de réunion pacifique et d’association",
                        "fraction": 33.33333,
                        "feedback": "Oui.",
                    },
                    {
                        "text": "Le droit de communiquer avec des organisations internationales",
                        "fraction": 33.33334,
                        "feedback": "Oui.",
                    },
                    {
                        "text": "Une immunité contre toute poursuite pénale",
                        "fraction": -50,
                        "feedback": (
                            "Non : un défenseur soupçonné d’une infraction sans lien avec ses "
                            "activités est soumis à la procédure ordinaire."
                        ),
                    },
                    {
                        "text": "Le droit de refuser tout contrôle d’identité",
                        "fraction": -50,
                        "feedback": "Non : la Déclaration ne prévoit rien de tel.",
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DEF Final · Une lettre au Rapporteur spécial des Nations unies",
                "type": "truefalse",
                "text": (
                    "<p>Un défenseur de Ségou a écrit au Rapporteur spécial des Nations unies au "
                    "sujet des menaces qu’il reçoit. L’OPJ peut clore l’enquête nationale, "
                    "puisque l’affaire est désormais traitée à l’international.</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Les mécanismes régionaux et internationaux complètent la protection "
                    "nationale sans la remplacer. S’adresser à eux est un droit reconnu par la "
                    "Déclaration de 1998, qui ne doit entraîner aucune représaille."
                ),
                "choices": [
                    {
                        "text": "Vrai",
                        "fraction": 0,
                        "feedback": (
                            "Non : les mécanismes internationaux ne se substituent pas à "
                            "l’enquête nationale."
                        ),
                    },
                    {
                        "text": "Faux",
                        "fraction": 100,
                        "feedback": (
                            "Exact : l’OPJ poursuit l’enquête et veille à ce qu’il ne subisse "
                            "aucune représaille."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "DEF Final · Plainte pour diffamation contre un rapport",
                "type": "single",
                "text": (
                    "<p>Une association de Mopti publie un rapport sur des extorsions à des "
                    "postes de contrôle. Une personne nommément citée dépose plainte pour "
                    "diffamation. Que fait l’OPJ ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Nul défenseur ne peut être arrêté ou détenu pour les rapports publiés dans "
                    "le cadre de ses activités (loi n°2018-003, article 5). La plainte d’une "
                    "personne qui s’estime diffamée est reçue et transmise au procureur, qui "
                    "décide des suites."
                ),
                "choices": [
                    {
                        "text": (
                            "Placer le coordonnateur de l’association en garde à vue jusqu’au "
                            "retrait du rapport"
                        ),
                        "fraction": 0,
                        "feedback": (
                            "Non : une garde à vue pour un rapport publié serait arbitraire."
                        ),
                    },
                    {
                        "text": (
                            "Recevoir la plainte et la transmettre au procureur, puis agir sur "
                            "ses instructions, sans mesure de contrainte destinée à intimider"
                        ),
                        "fraction": 100,
                        "feedback": "Exact : le procureur décide des suites.",
                    },
                    {
                        "text": "Refuser la plainte, puisque l’auteur du rapport est un défenseur",
                        "fraction": 0,
                        "feedback": (
                            "Non : la loi ne crée pas d’immunité ; toute plainte est reçue et "
                            "transmise."
                        ),
                    },
                ],
                "pairs": [],
            },
        ],
    },
    "securite-physique-numerique-defenseurs": {
        "modules": [
            [
                {
                    "name": "SEC M1 · Familles de risques",
                    "type": "matching",
                    "text": (
                        "<p>Associez chaque famille de risques à l’exemple qui lui correspond.</p>"
                    ),
                    "max_score": 2,
                    "general_feedback": (
                        "Les risques des défenseurs sont physiques, juridiques, numériques, "
                        "sociaux et psychologiques (leçon « Les risques auxquels les défenseurs "
                        "sont exposés »)."
                    ),
                    "choices": [],
                    "pairs": [
                        {
                            "prompt": "Risque physique",
                            "answer": "Agression ou enlèvement",
                        },
                        {
                            "prompt": "Risque juridique",
                            "answer": "Poursuites abusives destinées à épuiser ou à discréditer",
                        },
                        {
                            "prompt": "Risque numérique",
                            "answer": "Piratage de comptes ou hameçonnage",
                        },
                        {
                            "prompt": "Risque psychologique",
                            "answer": (
                                "Épuisement ou traumatisme secondaire au contact des victimes"
                            ),
                        },
                    ],
                },
                {
                    "name": "SEC M1 · Nombre de familles de risques",
                    "type": "numerical",
                    "text": (
                        "<p>Combien de familles de risques auxquels sont exposés les défenseurs la "
                        "leçon distingue-t-elle ?</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "Cinq familles : physiques, juridiques, numériques, sociaux et "
                        "psychologiques."
                    ),
                    "choices": [
                        {
                            "text": "5",
                            "fraction": 100,
                            "tolerance": 0,
                            "feedback": "Exact : cinq familles de risques.",
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "SEC M1 · Réagir à un contact manqué",
                    "type": "ordering",
                    "text": (
                        "<p>Un défenseur parti de Sévaré pour une commune rurale n’a pas donné de "
                        "nouvelles à l’heure convenue. Remettez dans l’ordre les réactions prévues "
                        "par le protocole de suivi pour sa personne de confiance.</p>"
                    ),
                    "max_score": 2,
                    "general_feedback": (
                        "Si un contact est manqué, la personne de confiance n’attend pas le "
                        "lendemain : le protocole prévoit une escalade rapide, ordonnée et "
                        "discrète."
                    ),
                    "choices": [],
                    "pairs": [
                        {
                            "prompt": "Essayer de joindre le défenseur",
                            "answer": "",
                        },
                        {
                            "prompt": "Essayer de joindre ses interlocuteurs sur place",
                            "answer": "",
                        },
                        {
                            "prompt": (
                                "Passé le délai convenu, alerter le responsable de l’organisation"
                            ),
                            "answer": "",
                        },
                        {
                            "prompt": (
                                "Alerter la gendarmerie ou la police la plus proche, ainsi que la "
                                "CNDH"
                            ),
                            "answer": "",
                        },
                    ],
                },
                {
                    "name": "SEC M1 · Menace, vulnérabilité, capacités",
                    "type": "single",
                    "text": (
                        "<p>Selon la formule retenue par les guides de sécurité des défenseurs, "
                        "lequel de ces éléments est une <strong>capacité</strong>, qui diminue le "
                        "risque ?</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "Le risque augmente avec la menace et la vulnérabilité, et diminue avec "
                        "les capacités. On agit rarement sur la menace ; on agit toujours sur ses "
                        "vulnérabilités et ses capacités."
                    ),
                    "choices": [
                        {
                            "text": "Des trajets toujours identiques, à la même heure",
                            "fraction": 0,
                            "feedback": "Non : des habitudes prévisibles sont une vulnérabilité.",
                        },
                        {
                            "text": "Un téléphone non protégé",
                            "fraction": 0,
                            "feedback": "Non : c’est une vulnérabilité.",
                        },
                        {
                            "text": "Un réseau de soutien et un plan de sécurité",
                            "fraction": 100,
                            "feedback": "Exact : ce sont des capacités.",
                        },
                        {
                            "text": "L’intention et la possibilité de nuire d’un adversaire",
                            "fraction": 0,
                            "feedback": "Non : c’est la menace, sur laquelle on agit rarement.",
                        },
                    ],
                    "pairs": [],
                },
            ],
            [
                {
                    "name": "SEC M2 · L’hameçonnage",
                    "type": "short",
                    "text": (
                        "<p>Un prétendu agent de l’opérateur vous écrit pour obtenir le code que "
                        "vous allez recevoir par SMS, sous peine de suspension de votre ligne. "
                        "Comment appelle-t-on cette technique de fraude qui imite un interlocuteur "
                        "de confiance ? (un mot)</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "L’hameçonnage vise à obtenir un mot de passe ou un code, ou à faire "
                        "ouvrir un lien ou une pièce jointe malveillants. Un code de vérification "
                        "ne se communique jamais."
                    ),
                    "choices": [
                        {
                            "text": "hameçonnage",
                            "fraction": 100,
                            "feedback": "Exact.",
                        },
                        {
                            "text": "*hameconnage*",
                            "fraction": 100,
                            "feedback": "Exact : c’est de l’hameçonnage.",
                        },
                        {
                            "text": "phishing",
                            "fraction": 100,
                            "feedback": "Exact : la leçon emploie le terme français, hameçonnage.",
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "SEC M2 · Hygiène numérique de base",
                    "type": "multiple",
                    "text": (
                        "<p>Quelles pratiques relèvent de l’hygiène numérique de base recommandée "
                        "dans la leçon ?</p>"
                    ),
                    "max_score": 2,
                    "general_feedback": (
                        "Un appareil verrouillé et à jour, un mot de passe par compte et "
                        "l’authentification à deux facteurs partout où c’est possible (leçon "
                        "« Sécuriser ses appareils et ses comptes »)."
                    ),
                    "choices": [
                        {
                            "text": (
                                "Activer l’authentification à deux facteurs sur la messagerie et "
                                "le courrier"
                            ),
                            "fraction": 33.33333,
                            "feedback": "Oui.",
                        },
                        {
                            "text": (
                                "Utiliser un mot de passe différent pour chaque compte, conservé "
                                "dans un gestionnaire de mots de passe"
                            ),
                            "fraction": 33.33333,
                            "feedback": "Oui.",
                        },
                        {
                            "text": (
                                "Installer les mises à jour du système et des applications dès "
                                "qu’elles sont proposées"
                            ),
                            "fraction": 33.33334,
                            "feedback": "Oui.",
                        },
                        {
                            "text": (
                                "Verrouiller son téléphone avec sa date de naissance, facile à "
                                "retenir"
                            ),
                            "fraction": -50,
                            "feedback": "Non : un code long, jamais une date de naissance.",
                        },
                        {
                            "text": (
                                "Installer une application reçue par un lien d’un numéro inconnu"
                            ),
                            "fraction": -50,
                            "feedback": "Non : seulement depuis les boutiques officielles.",
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "SEC M2 · Les métadonnées",
                    "type": "truefalse",
                    "text": (
                        "<p>Les métadonnées d’un appel (qui a appelé qui, quand, depuis quel lieu) "
                        "ne présentent aucun risque, puisqu’elles ne révèlent pas le contenu de la "
                        "conversation.</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "Les métadonnées décrivent une communication sans en révéler le contenu, "
                        "mais elles peuvent suffire à reconstituer un réseau de contacts ou des "
                        "déplacements."
                    ),
                    "choices": [
                        {
                            "text": "Vrai",
                            "fraction": 0,
                            "feedback": "Non : elles révèlent des contacts et des déplacements.",
                        },
                        {
                            "text": "Faux",
                            "fraction": 100,
                            "feedback": (
                                "Exact : elles peuvent suffire à reconstituer un réseau de "
                                "contacts."
                            ),
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "SEC M2 · Protéger les données sensibles",
                    "type": "matching",
                    "text": (
                        "<p>Associez chacun des trois principes de protection des données "
                        "sensibles à sa mise en pratique.</p>"
                    ),
                    "max_score": 2,
                    "general_feedback": (
                        "Collecter le moins possible, chiffrer, sauvegarder : les données des "
                        "victimes, des témoins et des sources sont les plus sensibles (leçon "
                        "« Protéger les données sensibles et communiquer en sécurité »)."
                    ),
                    "choices": [],
                    "pairs": [
                        {
                            "prompt": "Collecter le moins possible",
                            "answer": (
                                "Remplacer les noms par des codes et supprimer ce qui n’est plus "
                                "utile"
                            ),
                        },
                        {
                            "prompt": "Chiffrer",
                            "answer": (
                                "Activer le chiffrement de l’appareil et utiliser une messagerie "
                                "chiffrée de bout en bout"
                            ),
                        },
                        {
                            "prompt": "Sauvegarder",
                            "answer": (
                                "Conserver une copie sur un support chiffré, rangé dans un autre "
                                "lieu"
                            ),
                        },
                    ],
                },
            ],
            [
                {
                    "name": "SEC M3 · Loi sur les données à caractère personnel",
                    "type": "numerical",
                    "text": (
                        "<p>De quelle année date la loi malienne qui protège les données à "
                        "caractère personnel, dont l’Autorité de protection des données à "
                        "caractère personnel (APDP) veille à l’application ?</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "La loi n°2013-015 du 21 mai 2013 protège les données à caractère "
                        "personnel ; avec le Pacte international relatif aux droits civils et "
                        "politiques, elle protège la vie privée des défenseurs."
                    ),
                    "choices": [
                        {
                            "text": "2013",
                            "fraction": 100,
                            "tolerance": 0,
                            "feedback": "Exact : la loi n°2013-015 du 21 mai 2013.",
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "SEC M3 · Un ordinateur au poste de contrôle",
                    "type": "single",
                    "text": (
                        "<p>À un poste de contrôle entre Sévaré et Mopti, un agent exige du "
                        "coordinateur d’une association qu’il ouvre son ordinateur portable, puis "
                        "parcourt ses entretiens avec des victimes, sans aucun indice "
                        "d’infraction. Que doit faire l’OPJ présent ?</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "Sans base légale, cette consultation est une immixtion arbitraire dans la "
                        "vie privée et la correspondance ; elle expose victimes et témoins à des "
                        "représailles."
                    ),
                    "choices": [
                        {
                            "text": (
                                "Laisser faire : un contrôle routier autorise la consultation de "
                                "tout appareil"
                            ),
                            "fraction": 0,
                            "feedback": "Non : consulter un appareil suppose une base légale.",
                        },
                        {
                            "text": (
                                "Faire cesser la consultation, vérifier l’identité du coordinateur "
                                "et l’objet de son déplacement, puis le laisser repartir"
                            ),
                            "fraction": 100,
                            "feedback": "Exact : en l’absence d’indice d’infraction, il repart.",
                        },
                        {
                            "text": "Saisir l’ordinateur pour l’examiner plus tard au poste",
                            "fraction": 0,
                            "feedback": (
                                "Non : une saisie n’est possible que pour une enquête sur une "
                                "infraction, sous le contrôle du magistrat."
                            ),
                        },
                        {
                            "text": (
                                "Copier les fichiers sur son téléphone personnel pour les vérifier"
                            ),
                            "fraction": 0,
                            "feedback": (
                                "Non : copier des données sur un téléphone personnel est à "
                                "proscrire."
                            ),
                        },
                    ],
                    "pairs": [],
                },
                {
                    "name": "SEC M3 · Saisie de l’appareil d’un défenseur",
                    "type": "ordering",
                    "text": (
                        "<p>Dans le cadre d’une enquête sur une infraction, le téléphone d’un "
                        "défenseur doit être saisi. Remettez dans l’ordre les étapes à "
                        "respecter.</p>"
                    ),
                    "max_score": 2,
                    "general_feedback": (
                        "Consulter ou saisir un appareil suppose une base légale et le contrôle du "
                        "magistrat ; la saisie est inventoriée, placée sous scellés, consignée, "
                        "puis l’appareil est restitué dès que possible."
                    ),
                    "choices": [],
                    "pairs": [
                        {
                            "prompt": (
                                "Vérifier la base légale de la saisie, sous le contrôle du "
                                "magistrat compétent"
                            ),
                            "answer": "",
                        },
                        {
                            "prompt": "Inventorier l’appareil saisi",
                            "answer": "",
                        },
                        {
                            "prompt": (
                                "Placer l’appareil sous scellés et consigner la saisie au "
                                "procès-verbal"
                            ),
                            "answer": "",
                        },
                        {
                            "prompt": (
                                "Restituer l’appareil dès qu’il n’est plus utile à la procédure, "
                                "sur décision compétente"
                            ),
                            "answer": "",
                        },
                    ],
                },
                {
                    "name": "SEC M3 · Les scellés",
                    "type": "short",
                    "text": (
                        "<p>Comment appelle-t-on le procédé par lequel un objet saisi est placé "
                        "dans un contenant fermé et identifié, dont l’ouverture ne peut se faire "
                        "sans que cela soit constaté ? (un mot)</p>"
                    ),
                    "max_score": 1,
                    "general_feedback": (
                        "Les scellés garantissent l’intégrité de la preuve et la traçabilité de "
                        "l’objet saisi."
                    ),
                    "choices": [
                        {
                            "text": "scellés",
                            "fraction": 100,
                            "feedback": "Exact.",
                        },
                        {
                            "text": "*scelle*",
                            "fraction": 100,
                            "feedback": "Exact : les scellés.",
                        },
                    ],
                    "pairs": [],
                },
            ],
        ],
        "final": [
            {
                "name": "SEC Final · Un code demandé par un « collègue »",
                "type": "single",
                "text": (
                    "<p>Un message arrive sur la messagerie d’un défenseur, apparemment envoyé par "
                    "un collègue : « Je t’ai envoyé un code par SMS par erreur, renvoie-le-moi "
                    "vite. » Que doit-il faire ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "L’hameçonnage imite un interlocuteur de confiance, y compris un collègue. Les "
                    "codes de vérification sont personnels : ils ne se communiquent jamais, à "
                    "personne."
                ),
                "choices": [
                    {
                        "text": "Renvoyer le code, puisque le message vient d’un collègue",
                        "fraction": 0,
                        "feedback": (
                            "Non : ce code permettrait de prendre le contrôle de son compte."
                        ),
                    },
                    {
                        "text": (
                            "Ne pas communiquer le code et vérifier que l’authentification à deux "
                            "facteurs est activée"
                        ),
                        "fraction": 100,
                        "feedback": "Exact : un code de vérification ne se communique jamais.",
                    },
                    {
                        "text": "Répondre pour demander des explications avant d’envoyer le code",
                        "fraction": 0,
                        "feedback": "Non : répondre ouvre la discussion au fraudeur.",
                    },
                ],
                "pairs": [],
            },
            {
                "name": "SEC Final · Le contenu d’un plan de sécurité",
                "type": "multiple",
                "text": (
                    "<p>Une association de Mopti prépare le plan de sécurité de son équipe. Quels "
                    "éléments doit-il contenir ?</p>"
                ),
                "max_score": 2,
                "general_feedback": (
                    "Un plan de sécurité est un document court, connu des personnes concernées et "
                    "régulièrement mis à jour : contacts d’urgence, protocole de suivi, règles de "
                    "déplacement, mesures pour le bureau et le domicile, solution de repli."
                ),
                "choices": [
                    {
                        "text": "Une liste de contacts d’urgence à jour",
                        "fraction": 33.33333,
                        "feedback": "Oui.",
                    },
                    {
                        "text": "Un protocole de suivi des déplacements",
                        "fraction": 33.33333,
                        "feedback": "Oui.",
                    },
                    {
                        "text": (
                            "Une solution de repli pour se mettre à l’abri si la menace s’aggrave"
                        ),
                        "fraction": 33.33334,
                        "feedback": "Oui.",
                    },
                    {
                        "text": (
                            "L’annonce publique des déplacements à l’avance sur les réseaux sociaux"
                        ),
                        "fraction": -50,
                        "feedback": "Non : c’est précisément ce qu’il ne faut pas faire.",
                    },
                    {
                        "text": (
                            "Des trajets toujours identiques, pour que les proches sachent où "
                            "chercher"
                        ),
                        "fraction": -50,
                        "feedback": "Non : il faut varier les horaires et les itinéraires.",
                    },
                ],
                "pairs": [],
            },
            {
                "name": "SEC Final · Le mot code d’alerte",
                "type": "truefalse",
                "text": (
                    "<p>Pour ne pas l’oublier, le mot code d’alerte convenu avec la personne de "
                    "confiance doit être noté dans le téléphone du défenseur.</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Le mot code, connu des seuls proches concernés, permet de signaler "
                    "discrètement un danger ; il n’est écrit nulle part dans le téléphone."
                ),
                "choices": [
                    {
                        "text": "Vrai",
                        "fraction": 0,
                        "feedback": "Non : le code n’est écrit nulle part dans le téléphone.",
                    },
                    {
                        "text": "Faux",
                        "fraction": 100,
                        "feedback": "Exact : il n’est connu que des proches concernés.",
                    },
                ],
                "pairs": [],
            },
            {
                "name": "SEC Final · Les textes qui protègent les défenseurs",
                "type": "matching",
                "text": "<p>Associez chaque texte à ce qu’il prévoit.</p>",
                "max_score": 2,
                "general_feedback": (
                    "Le cadre juridique de la protection des défenseurs au Mali combine la loi de "
                    "2018, le Code pénal, la loi de 2013 sur les données personnelles et le Pacte "
                    "international relatif aux droits civils et politiques."
                ),
                "choices": [],
                "pairs": [
                    {
                        "prompt": "Loi n°2018-003 du 12 janvier 2018",
                        "answer": (
                            "Obligation de l’État de protéger les défenseurs, leur famille et "
                            "leurs collaborateurs"
                        ),
                    },
                    {
                        "prompt": "Loi n°2013-015 du 21 mai 2013",
                        "answer": "Protection des données à caractère personnel",
                    },
                    {
                        "prompt": (
                            "Pacte international relatif aux droits civils et politiques, article "
                            "17"
                        ),
                        "answer": (
                            "Protection contre les immixtions arbitraires dans la vie privée et la "
                            "correspondance"
                        ),
                    },
                    {
                        "prompt": "Code pénal",
                        "answer": "Répression des menaces, des violences et des enlèvements",
                    },
                ],
            },
            {
                "name": "SEC Final · Le protocole de suivi d’un déplacement",
                "type": "ordering",
                "text": (
                    "<p>Un défenseur doit se rendre de Sévaré dans une commune rurale pour "
                    "rencontrer des victimes. Remettez dans l’ordre les étapes du protocole de "
                    "suivi.</p>"
                ),
                "max_score": 2,
                "general_feedback": (
                    "Un protocole de suivi ne sert que s’il est appliqué à chaque déplacement, "
                    "même les plus courts (capsule vidéo « Le protocole de suivi des "
                    "déplacements »)."
                ),
                "choices": [],
                "pairs": [
                    {
                        "prompt": (
                            "Communiquer à une personne de confiance l’itinéraire, les personnes à "
                            "rencontrer, le véhicule et l’heure prévue de retour"
                        ),
                        "answer": "",
                    },
                    {
                        "prompt": (
                            "Convenir avec elle d’heures de contact et d’un mot code d’alerte"
                        ),
                        "answer": "",
                    },
                    {
                        "prompt": (
                            "Pendant le trajet, donner des nouvelles aux heures prévues et "
                            "signaler tout changement de programme"
                        ),
                        "answer": "",
                    },
                    {
                        "prompt": "Au retour, confirmer son arrivée",
                        "answer": "",
                    },
                ],
            },
            {
                "name": "SEC Final · Principes de protection des données sensibles",
                "type": "numerical",
                "text": (
                    "<p>Combien de principes guident, selon la leçon, la protection des données "
                    "sensibles des victimes, des témoins et des sources ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Trois principes : collecter le moins possible, chiffrer et sauvegarder."
                ),
                "choices": [
                    {
                        "text": "3",
                        "fraction": 100,
                        "tolerance": 0,
                        "feedback": "Exact : collecter le moins possible, chiffrer, sauvegarder.",
                    },
                ],
                "pairs": [],
            },
            {
                "name": "SEC Final · Authentification à deux facteurs",
                "type": "short",
                "text": (
                    "<p>Comment appelle-t-on le mécanisme qui exige, en plus du mot de passe, une "
                    "seconde preuve d’identité (code reçu par SMS ou généré par une application, "
                    "clé physique) pour accéder à un compte ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Avec l’authentification à deux facteurs, un pirate qui a volé le mot de passe "
                    "ne peut pas se connecter seul."
                ),
                "choices": [
                    {
                        "text": "authentification à deux facteurs",
                        "fraction": 100,
                        "feedback": "Exact.",
                    },
                    {
                        "text": "*deux facteurs*",
                        "fraction": 100,
                        "feedback": "Exact : l’authentification à deux facteurs.",
                    },
                    {
                        "text": "*2 facteurs*",
                        "fraction": 100,
                        "feedback": "Exact : l’authentification à deux facteurs.",
                    },
                    {
                        "text": "*double authentification*",
                        "fraction": 100,
                        "feedback": "Exact : l’authentification à deux facteurs.",
                    },
                ],
                "pairs": [],
            },
            {
                "name": "SEC Final · Le devoir de diligence de l’État",
                "type": "single",
                "text": (
                    "<p>Un défenseur de Kayes a signalé à plusieurs reprises des menaces de mort. "
                    "Aucune suite n’y a été donnée, et il est agressé un mois plus tard. Que "
                    "retenir du devoir de diligence de l’État ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "L’État doit prendre des mesures raisonnables pour prévenir les atteintes "
                    "commises par des particuliers, enquêter et poursuivre les auteurs. La loi de "
                    "2018 l’oblige à protéger les défenseurs, leur famille et leurs collaborateurs."
                ),
                "choices": [
                    {
                        "text": "L’État ne répond que des actes commis par ses propres agents",
                        "fraction": 0,
                        "feedback": (
                            "Non : il doit aussi prévenir les atteintes commises par des "
                            "particuliers."
                        ),
                    },
                    {
                        "text": (
                            "Une menace signalée et restée sans suite engage la responsabilité de "
                            "l’État si elle se réalise"
                        ),
                        "fraction": 100,
                        "feedback": "Exact : c’est le devoir de diligence.",
                    },
                    {
                        "text": (
                            "Les positions critiques du défenseur dispensaient l’OPJ d’enquêter "
                            "sur ces menaces"
                        ),
                        "fraction": 0,
                        "feedback": (
                            "Non : les menaces sont une infraction, quelles que soient les "
                            "opinions de la victime."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "SEC Final · Un téléphone volé au marché de Mopti",
                "type": "single",
                "text": (
                    "<p>Une animatrice d’association se fait voler au marché un téléphone sans "
                    "code de verrouillage. Il contenait un groupe de messagerie avec les noms et "
                    "les numéros des survivantes suivies. Quelle suite de mesures est la "
                    "bonne ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Les données des victimes et des témoins sont les plus sensibles. Après un "
                    "vol, on coupe les accès (ligne, messagerie, mots de passe), on porte "
                    "plainte, et l’on évalue avec l’association s’il faut avertir les "
                    "personnes exposées."
                ),
                "choices": [
                    {
                        "text": (
                            "Suspendre la ligne, se déconnecter à distance de la messagerie, "
                            "changer les mots de passe, porter plainte et évaluer avec "
                            "l’association s’il faut avertir les survivantes"
                        ),
                        "fraction": 100,
                        "feedback": "Exact.",
                    },
                    {
                        "text": "Racheter un téléphone et restaurer le même groupe de messagerie",
                        "fraction": 0,
                        "feedback": (
                            "Non : le voleur garde l’accès aux échanges tant que la session "
                            "n’est pas fermée à distance."
                        ),
                    },
                    {
                        "text": (
                            "Publier sur les réseaux sociaux la liste des personnes dont les "
                            "numéros étaient dans le téléphone"
                        ),
                        "fraction": 0,
                        "feedback": ("Non : cela exposerait encore davantage les survivantes."),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "SEC Final · Documenter un incident",
                "type": "multiple",
                "text": (
                    "<p>Un défenseur de Ségou remarque une moto sans plaque devant son bureau "
                    "pour le troisième soir. Comment documenter cet incident ?</p>"
                ),
                "max_score": 2,
                "general_feedback": (
                    "Chaque incident se consigne, même s’il paraît mineur : la trace écrite sert "
                    "l’analyse de la menace et la plainte. Publier avant d’avoir évalué les "
                    "risques peut aggraver le danger."
                ),
                "choices": [
                    {
                        "text": "Noter immédiatement la date, l’heure, le lieu et les faits",
                        "fraction": 33.33333,
                        "feedback": "Oui.",
                    },
                    {
                        "text": (
                            "Décrire les personnes et le véhicule : tenue, signes distinctifs, "
                            "plaque"
                        ),
                        "fraction": 33.33333,
                        "feedback": "Oui.",
                    },
                    {
                        "text": (
                            "Conserver les preuves : photos, captures d’écran, journal d’appels"
                        ),
                        "fraction": 33.33334,
                        "feedback": "Oui.",
                    },
                    {
                        "text": "Publier l’incident sur les réseaux sociaux avant d’en parler",
                        "fraction": -50,
                        "feedback": ("Non : on évalue d’abord les risques avec son organisation."),
                    },
                    {
                        "text": "Ne rien noter tant qu’aucune menace n’a été formulée",
                        "fraction": -50,
                        "feedback": (
                            "Non : une menace peut se lire à travers des signaux répétés."
                        ),
                    },
                ],
                "pairs": [],
            },
            {
                "name": "SEC Final · Des signaux sans menace formulée",
                "type": "truefalse",
                "text": (
                    "<p>Tant qu’aucune menace n’a été formulée, un véhicule inconnu qui stationne "
                    "souvent près du bureau et des questions posées aux voisins sur vos horaires "
                    "ne constituent pas une menace.</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "Une menace peut être formulée ou seulement perceptible à travers des "
                    "signaux. Pris isolément, ils peuvent sembler anodins ; c’est leur répétition "
                    "et leur enchaînement qui alertent."
                ),
                "choices": [
                    {
                        "text": "Vrai",
                        "fraction": 0,
                        "feedback": (
                            "Non : ces signaux répétés peuvent dessiner une menace qui vise vos "
                            "déplacements."
                        ),
                    },
                    {
                        "text": "Faux",
                        "fraction": 100,
                        "feedback": "Exact : une menace se lit aussi à travers des signaux.",
                    },
                ],
                "pairs": [],
            },
            {
                "name": "SEC Final · Un téléphone remis pour prouver des menaces",
                "type": "single",
                "text": (
                    "<p>Un défenseur vous remet volontairement son téléphone pour prouver les "
                    "menaces qu’il reçoit par messages. Que faites-vous ?</p>"
                ),
                "max_score": 1,
                "general_feedback": (
                    "L’appareil d’un défenseur contient des informations sur des victimes et des "
                    "témoins. L’exploitation se limite aux besoins de l’enquête, et les "
                    "informations ne sont communiquées qu’aux personnes habilitées."
                ),
                "choices": [
                    {
                        "text": (
                            "Copier uniquement les éléments utiles (messages, journal d’appels), "
                            "avec son accord"
                        ),
                        "fraction": 100,
                        "feedback": "Exact.",
                    },
                    {
                        "text": (
                            "Parcourir toutes ses conversations pour connaître ses sources et "
                            "ses contacts"
                        ),
                        "fraction": 0,
                        "feedback": (
                            "Non : on ne parcourt pas les conversations par curiosité ni pour "
                            "identifier des sources."
                        ),
                    },
                    {
                        "text": (
                            "Garder le téléphone jusqu’à la fin de l’enquête, sans procès-verbal"
                        ),
                        "fraction": 0,
                        "feedback": (
                            "Non : une saisie suppose une base légale, un inventaire, des "
                            "scellés et un procès-verbal."
                        ),
                    },
                ],
                "pairs": [],
            },
        ],
    },
}
