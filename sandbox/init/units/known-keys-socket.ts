/**
 * Keys systemd 252 knows in [Socket], with the value shape it documents, as
 * `systemd --dump-configuration-items` prints them. A key missing here is
 * reported as "Unknown key"; adding one is adding its line. The execution, kill
 * and cgroup keys it shares with [Service] are in known-keys-execution.ts.
 */

import { EXECUTION_KEYS } from './known-keys-execution.ts';

export const SOCKET_KEYS = `
ListenStream=SOCKET [...]
ListenDatagram=SOCKET [...]
ListenSequentialPacket=SOCKET [...]
ListenFIFO=SOCKET [...]
ListenNetlink=SOCKET [...]
ListenSpecial=SOCKET [...]
ListenMessageQueue=SOCKET [...]
ListenUSBFunction=SOCKET [...]
SocketProtocol=OTHER
BindIPv6Only=SOCKETBIND
Backlog=UNSIGNED
BindToDevice=NETWORKINTERFACE
ExecStartPre=PATH [ARGUMENT [...]]
ExecStartPost=PATH [ARGUMENT [...]]
ExecStopPre=PATH [ARGUMENT [...]]
ExecStopPost=PATH [ARGUMENT [...]]
TimeoutSec=OTHER
SocketUser=OTHER
SocketGroup=OTHER
SocketMode=MODE
DirectoryMode=MODE
Accept=BOOLEAN
FlushPending=BOOLEAN
Writable=BOOLEAN
MaxConnections=UNSIGNED
MaxConnectionsPerSource=UNSIGNED
KeepAlive=BOOLEAN
KeepAliveTimeSec=SECONDS
KeepAliveIntervalSec=SECONDS
KeepAliveProbes=UNSIGNED
DeferAcceptSec=SECONDS
NoDelay=BOOLEAN
Priority=INTEGER
ReceiveBuffer=SIZE
SendBuffer=SIZE
IPTOS=TOS
IPTTL=INTEGER
Mark=INTEGER
PipeSize=SIZE
FreeBind=BOOLEAN
Transparent=BOOLEAN
Broadcast=BOOLEAN
PassCredentials=BOOLEAN
PassSecurity=BOOLEAN
PassPacketInfo=BOOLEAN
Timestamping=OTHER
TCPCongestion=STRING
ReusePort=BOOLEAN
MessageQueueMaxMessages=LONG
MessageQueueMessageSize=LONG
RemoveOnStop=BOOLEAN
Symlinks=OTHER
FileDescriptorName=OTHER
Service=SERVICE
TriggerLimitIntervalSec=SECONDS
TriggerLimitBurst=UNSIGNED
SmackLabel=STRING
SmackLabelIPIn=STRING
SmackLabelIPOut=STRING
SELinuxContextFromNet=BOOLEAN
${EXECUTION_KEYS}`;
