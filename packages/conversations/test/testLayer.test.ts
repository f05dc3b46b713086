/** The behavioural suite against the in-memory test layer. */
import { ConversationsTest } from "@sunco-effect/conversations"
import { behaviourSuite, seed } from "./behaviour/suite.js"

behaviourSuite("behaviour: test layer", ConversationsTest.layer({ seed }))
