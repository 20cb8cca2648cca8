import { useState } from 'react';
import { FvAgentList } from 'floorview/react';

export function App({ api, token }: { api: string; token: string }) {
  const [connection, setConnection] = useState('connecting');
  const [chatWith, setChatWith] = useState<string>();
  return (
    <main>
      <p>
        Floor: <output id="connection">{connection}</output>
        {chatWith && <> · chat with {chatWith}</>}
      </p>
      <FvAgentList
        api={api}
        token={token}
        view="queue"
        sortDirection="desc"
        style={{ height: '30rem' }}
        onFvConnectionChange={(event) => setConnection(event.state)}
        onFvAgentChat={(event) => setChatWith(event.agentId)}
      />
    </main>
  );
}
