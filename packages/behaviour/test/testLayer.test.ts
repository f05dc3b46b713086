/** The behavioural suite against the in-memory test layer. */
import { ConversationsTest } from "@sunco-effect/conversations"
import { behaviourSuite, seed } from "../src/index.js"

behaviourSuite("behaviour: test layer", ConversationsTest.layer({ seed }))
