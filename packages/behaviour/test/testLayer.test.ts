/** The behavioural suite against the in-memory test layer. */
import { ConversationsTest, IntegrationWebhooks } from "@sunco-effect/conversations"
import { Layer } from "effect"
import { AppKeyed, behaviourSuite, seed } from "../src/index.js"

const services = ConversationsTest.layer({ seed })

// The test layer checks no keys: the app-keyed services are the same services.
behaviourSuite(
  "behaviour: test layer",
  Layer.merge(services, Layer.effect(AppKeyed, IntegrationWebhooks).pipe(Layer.provide(services)))
)
